package org.helpline.referral;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The referral as the partner receives it, and the only place a referral's content exists: the minimum the
 * national mechanism needs (domain notes, "Referral") and nothing else. It is sealed at rest and deleted once
 * the partner has acknowledged it. These bytes are exactly what is signed and sent, on every attempt.
 */
final class Payload {
    private Payload() {
    }

    /**
     * @param operator the account that recorded the consent (staff, not the person)
     */
    static byte[] of(String reference, Instant createdAt, Decision decision, ReferralRequest request, String operator) {
        JsonObject consent = new JsonObject()
                .put("given", request.consent().given())
                .put("explained", new JsonArray(request.consent().explained()))
                .put("recordedAt", createdAt.toString())
                .put("recordedBy", operator);
        JsonObject json = new JsonObject()
                .put("reference", reference)
                .put("createdAt", createdAt.toString())
                .put("route", decision.route())
                .put("age", switch (request.age()) {
                    case ADULT -> "adult";
                    case MINOR -> "minor";
                    case UNKNOWN -> "presumed_minor";
                })
                .put("kind", request.kind())
                .put("country", request.country())
                .put("county", request.county())
                .put("urgency", request.urgency().name().toLowerCase(Locale.ROOT))
                .put("needs", new JsonArray(request.needs()))
                .put("consent", consent);
        if (request.consent().given() && request.reach() != null) {
            json.put("reach", new JsonObject()
                    .put("way", request.reach().way())
                    .put("value", request.reach().value())
                    .put("window", request.reach().window()));
        }
        json.put("summary", request.summary());
        return json.encode().getBytes(StandardCharsets.UTF_8);
    }
}
