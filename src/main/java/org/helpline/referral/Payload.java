package org.helpline.referral;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.referral.ReferralRequest.Reach;

/**
 * The referral (or notification) as the partner receives it, and the only place its content exists: the minimum
 * the national mechanism needs (domain notes, "Referral") and nothing else. It is sealed at rest and deleted once
 * the partner has acknowledged it. These bytes are exactly what is signed and sent, on every attempt.
 */
final class Payload {
    private Payload() {
    }

    /**
     * @param route    the route of this record: a child's notification makes two, one for each partner
     * @param operator the account that recorded the consent (staff, not the person)
     */
    static byte[] of(String reference, Instant createdAt, String route, ReferralRequest request, String operator) {
        JsonObject consent = new JsonObject()
                .put("given", request.consent().given())
                .put("explained", new JsonArray(request.consent().explained()))
                .put("recordedAt", createdAt.toString())
                .put("recordedBy", operator);
        JsonObject json = new JsonObject()
                .put("reference", reference)
                .put("createdAt", createdAt.toString())
                .put("type", request.notification() ? "notification" : "referral")
                .put("basis", request.basis().json())
                .put("route", route)
                .put("age", switch (request.age()) {
                    case ADULT -> "adult";
                    case MINOR -> "minor";
                    case UNKNOWN -> "presumed_minor";
                })
                .put("missingChild", request.missingChild())
                .put("kind", request.kind())
                .put("country", request.country())
                .put("county", request.county())
                .put("urgency", request.urgency().name().toLowerCase(Locale.ROOT))
                .put("needs", new JsonArray(request.needs()))
                .put("consent", consent);
        if (request.consent().given() && request.reach() != null) {
            json.put("reach", reachJson(request.reach()));
        }
        if (request.reporter() != null) {
            JsonObject reporter = new JsonObject()
                    .put("consentToContact", request.reporter().consentToContact())
                    .put("recordedAt", createdAt.toString())
                    .put("recordedBy", operator);
            Reach reach = request.reporter().reach();
            if (reach != null) {
                reporter.put("reach", reachJson(reach));
            }
            json.put("reporter", reporter);
        }
        json.put("summary", request.summary());
        return json.encode().getBytes(StandardCharsets.UTF_8);
    }

    private static JsonObject reachJson(Reach reach) {
        return new JsonObject().put("way", reach.way()).put("value", reach.value()).put("window", reach.window());
    }
}
