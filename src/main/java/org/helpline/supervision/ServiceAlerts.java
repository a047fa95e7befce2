package org.helpline.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The alerts other rooms report: referral deliveries that fail (still retried) or were given up, until a supervisor
 * acknowledges them or they are delivered; and the phone line when calls go around the consoles (the AMI link down,
 * the AGI port not listening, calls sent to the fallback queue within {@link #FALLBACK_RECENT}). Kept from the
 * events of {@code Addresses.REFERRAL_DELIVERIES} and {@code Addresses.PHONE_LINE}; ids, counts and states only.
 * Single-threaded, like the {@link Floor} that holds it.
 */
final class ServiceAlerts {
    /** A call sent to the fallback queue keeps its alert showing this long after the last one. */
    static final Duration FALLBACK_RECENT = Duration.ofMinutes(10);
    private static final String NONE = "none";

    private final Map<String, JsonObject> deliveries = new LinkedHashMap<>();
    private JsonObject phoneLine;
    /** The fallback count when the last fallback alert ended: what it shows is the calls since. */
    private long fallbacksBefore;

    /** One delivery as the referral desk reports it. */
    void delivery(JsonObject delivery) {
        String reference = delivery.getString("reference");
        String trouble = delivery.getString("trouble", NONE);
        if (reference == null || NONE.equals(trouble) || trouble.equals(delivery.getString("noticed"))) {
            deliveries.remove(reference);
        } else {
            deliveries.put(reference, delivery);
        }
    }

    void phoneLine(JsonObject status) {
        phoneLine = status;
    }

    /** Time passes: a fallback alert whose last call is long enough ago ends. */
    void tick(Instant now) {
        if (phoneLine != null && !fallbackRecent(now)) {
            fallbacksBefore = phoneLine.getLong("fallbacks", 0L);
        }
    }

    void addTo(JsonArray alerts, Instant now) {
        if (phoneLine != null) {
            for (String link : new String[] {"ami", "agi"}) {
                JsonObject status = phoneLine.getJsonObject(link);
                if (status != null && !status.getBoolean("up", true)) {
                    alerts.add(new JsonObject().put("kind", "phone_line").put("cause", link).put("reason", status.getString("reason")));
                }
            }
            long calls = phoneLine.getLong("fallbacks", 0L) - fallbacksBefore;
            if (calls > 0 && fallbackRecent(now)) {
                alerts.add(new JsonObject().put("kind", "phone_line").put("cause", "fallback").put("count", calls)
                        .put("last", phoneLine.getString("lastFallbackAt")));
            }
        }
        deliveries.values().forEach(d -> alerts.add(new JsonObject()
                .put("kind", "retrying".equals(d.getString("trouble")) ? "referral_failing" : "referral_given_up")
                .put("reference", d.getString("reference")).put("route", d.getString("route"))
                .put("partner", d.getString("partnerName", d.getString("partner")))
                .put("attempts", d.getInteger("attempts")).put("since", d.getString("since"))));
    }

    private boolean fallbackRecent(Instant now) {
        String last = phoneLine.getString("lastFallbackAt");
        return last != null && !Instant.parse(last).plus(FALLBACK_RECENT).isBefore(now);
    }
}
