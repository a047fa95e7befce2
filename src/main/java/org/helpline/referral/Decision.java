package org.helpline.referral;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.ReferralConfig.Partner;

/**
 * What the rule set decided, and why, in the order the operator should act: a missing child and immediate
 * danger first.
 *
 * @param route      adult or child for a presumed victim, notification for a third party's report; else null
 * @param deliveries who receives it when the outcome is {@link Outcome#REFERRED} or {@link Outcome#NOTIFIED}: one
 *                   partner, or for a child's notification the national agency and child protection; else empty
 * @param reasons    each a code the console names in the operator's language, with what it needs to say it
 */
public record Decision(Outcome outcome, boolean missingChildFirst, boolean emergencyFirst, boolean presumedVictim,
                       String route, List<Delivery> deliveries, List<Reason> reasons) {

    public Decision {
        deliveries = List.copyOf(deliveries);
        reasons = List.copyOf(reasons);
    }

    public enum Outcome {
        /** A referral is made and queued for the partner. */
        REFERRED,
        /** A third party's report is notified to the national agency (and child protection for a child). */
        NOTIFIED,
        /** An adult presumed victim who has not consented: no referral. */
        NO_CONSENT,
        /** An adult said yes before everything was explained: consent is not informed yet. */
        CONSENT_NOT_INFORMED,
        /** No rule holds (or a third party described no sign): advice and exit options, no referral. */
        NOT_PRESUMED_VICTIM;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Why, as a code and the facts its sentence needs; the console words it in the operator's language.
     *
     * @param indicators the indicators a rule or a notification rests on
     * @param rule       the rule that holds ({@code presumed_victim}), in each console language; else empty
     * @param missing    what is still to be explained ({@code consent_not_informed}); else empty
     * @param partner    who receives it ({@code partner}); else null
     */
    public record Reason(String code, List<String> indicators, Map<String, String> rule, List<String> missing,
                         String partner) {
        public Reason {
            indicators = List.copyOf(indicators);
            rule = Map.copyOf(rule);
            missing = List.copyOf(missing);
        }

        public Reason(String code) {
            this(code, List.of(), Map.of(), List.of(), null);
        }

        static Reason rule(Map<String, String> rule, List<String> indicators) {
            return new Reason("presumed_victim", indicators, rule, List.of(), null);
        }

        static Reason missing(List<String> missing) {
            return new Reason("consent_not_informed", List.of(), Map.of(), missing, null);
        }

        static Reason sentTo(String partner) {
            return new Reason("partner", List.of(), Map.of(), List.of(), partner);
        }

        static Reason withSigns(String code, List<String> indicators) {
            return new Reason(code, indicators, Map.of(), List.of(), null);
        }
    }

    /** One partner that receives the case, on one route (a referral record of its own). */
    public record Delivery(String route, String partnerId, Partner partner) {}

    /** Whether something is sent: a referral or a notification. */
    public boolean refers() {
        return outcome == Outcome.REFERRED || outcome == Outcome.NOTIFIED;
    }

    /** The first (or only) partner that receives it; null when nothing is sent. */
    public String partnerId() {
        return deliveries.isEmpty() ? null : deliveries.getFirst().partnerId();
    }

    public Partner partner() {
        return deliveries.isEmpty() ? null : deliveries.getFirst().partner();
    }

    public JsonObject toJson() {
        JsonArray why = new JsonArray();
        for (Reason reason : reasons) {
            JsonObject json = new JsonObject().put("code", reason.code());
            if (!reason.indicators().isEmpty()) {
                json.put("indicators", new JsonArray(reason.indicators()));
            }
            if (!reason.rule().isEmpty()) {
                json.put("rule", new JsonObject(new java.util.TreeMap<String, Object>(reason.rule())));
            }
            if (!reason.missing().isEmpty()) {
                json.put("missing", new JsonArray(reason.missing()));
            }
            if (reason.partner() != null) {
                json.put("partner", reason.partner());
            }
            why.add(json);
        }
        JsonObject json = new JsonObject()
                .put("outcome", outcome.json())
                .put("missingChildFirst", missingChildFirst)
                .put("emergencyFirst", emergencyFirst)
                .put("presumedVictim", presumedVictim)
                .put("reasons", why);
        if (route != null) {
            json.put("route", route);
        }
        if (!deliveries.isEmpty()) {
            json.put("partner", partnerJson(deliveries.getFirst()));
            JsonArray all = new JsonArray();
            deliveries.forEach(d -> all.add(new JsonObject().put("route", d.route()).put("partner", partnerJson(d))));
            json.put("deliveries", all);
        }
        return json;
    }

    private static JsonObject partnerJson(Delivery delivery) {
        return new JsonObject().put("id", delivery.partnerId()).put("name", delivery.partner().name());
    }
}
