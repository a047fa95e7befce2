package org.helpline.referral;

import java.util.List;
import java.util.Locale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.ReferralConfig.Partner;

/**
 * What the rule set decided, and why, in the order the operator should act: immediate danger first.
 *
 * @param route   adult or child when the person is a presumed victim; else null
 * @param partner who receives the referral when the outcome is {@link Outcome#REFERRED}; else null
 * @param reasons each with a code the console can translate, and a sentence in English
 */
public record Decision(Outcome outcome, boolean emergencyFirst, boolean presumedVictim, String route,
                       String partnerId, Partner partner, List<Reason> reasons) {

    public enum Outcome {
        /** A referral is made and queued for the partner. */
        REFERRED,
        /** An adult presumed victim who has not consented: no referral. */
        NO_CONSENT,
        /** An adult said yes before everything was explained: consent is not informed yet. */
        CONSENT_NOT_INFORMED,
        /** No rule holds: advice and exit options, no referral. */
        NOT_PRESUMED_VICTIM;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Reason(String code, String text, List<String> indicators) {
        public Reason(String code, String text) {
            this(code, text, List.of());
        }
    }

    public boolean refers() {
        return outcome == Outcome.REFERRED;
    }

    public JsonObject toJson() {
        JsonArray why = new JsonArray();
        for (Reason reason : reasons) {
            JsonObject json = new JsonObject().put("code", reason.code()).put("text", reason.text());
            if (!reason.indicators().isEmpty()) {
                json.put("indicators", new JsonArray(reason.indicators()));
            }
            why.add(json);
        }
        JsonObject json = new JsonObject()
                .put("outcome", outcome.json())
                .put("emergencyFirst", emergencyFirst)
                .put("presumedVictim", presumedVictim)
                .put("reasons", why);
        if (route != null) {
            json.put("route", route);
        }
        if (partner != null) {
            json.put("partner", new JsonObject().put("id", partnerId).put("name", partner.name()));
        }
        return json;
    }
}
