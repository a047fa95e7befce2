package org.helpline.referral;

import java.time.Instant;
import java.util.Locale;

import io.vertx.core.json.JsonObject;

/**
 * What the helpline keeps about one referral: its reference, route, partner, status and timestamps, and the
 * sealed payload only until the partner acknowledges it (or delivery is given up). Stored as JSON under
 * {@code referral:<reference>} with a time to live that ends at {@code expiresAt}.
 *
 * @param operator      the account that made the referral (operators see their own)
 * @param attempts      delivery attempts so far
 * @param nextAttemptAt when the outbox tries again; null once delivered or given up
 * @param lastProblem   why the last attempt failed (an HTTP status, a timeout), never the partner's answer
 * @param sealedPayload the sealed {@link Payload}; null once delivered or given up
 * @param noticed       the trouble a supervisor has seen and acknowledged ({@link Trouble#json()}), null if none:
 *                      its alert no longer shows, a worse one (given up after retrying) shows again
 */
record ReferralStatus(String reference, State state, String route, String partnerId, String operator,
                      Instant createdAt, Instant updatedAt, int attempts, Instant nextAttemptAt, String lastProblem,
                      Instant acknowledgedAt, Instant expiresAt, String sealedPayload, String noticed) {

    enum State {
        QUEUED, DELIVERED, FAILED;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** How a delivery is doing, as supervisors are alerted to it. */
    enum Trouble {
        NONE, RETRYING, GIVEN_UP;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Failing (retried after a failed attempt), given up, or neither. */
    Trouble trouble() {
        return switch (state) {
            case FAILED -> Trouble.GIVEN_UP;
            case QUEUED -> lastProblem != null ? Trouble.RETRYING : Trouble.NONE;
            case DELIVERED -> Trouble.NONE;
        };
    }

    /** A supervisor saw the current trouble. */
    ReferralStatus troubleSeen() {
        return new ReferralStatus(reference, state, route, partnerId, operator, createdAt, updatedAt, attempts,
                nextAttemptAt, lastProblem, acknowledgedAt, expiresAt, sealedPayload, trouble().json());
    }

    static ReferralStatus queued(String reference, String route, String partnerId, String operator, Instant now,
                                 Instant expiresAt, String sealedPayload) {
        return new ReferralStatus(reference, State.QUEUED, route, partnerId, operator, now, now, 0, now, null, null,
                expiresAt, sealedPayload, null);
    }

    boolean due(Instant now) {
        return state == State.QUEUED && sealedPayload != null && !nextAttemptAt.isAfter(now);
    }

    ReferralStatus retryAt(Instant now, Instant next, String problem) {
        return new ReferralStatus(reference, state, route, partnerId, operator, createdAt, now, attempts + 1, next,
                problem, null, expiresAt, sealedPayload, noticed);
    }

    /** Acknowledged: the payload goes; reference, status and timestamps stay until {@code keepUntil}. */
    ReferralStatus delivered(Instant now, Instant keepUntil) {
        return new ReferralStatus(reference, State.DELIVERED, route, partnerId, operator, createdAt, now, attempts + 1,
                null, null, now, keepUntil, null, null);
    }

    /** Given up: the payload goes too; supervisors see the failure until {@code keepUntil}. */
    ReferralStatus failed(Instant now, Instant keepUntil, String problem) {
        return new ReferralStatus(reference, State.FAILED, route, partnerId, operator, createdAt, now, attempts, null,
                problem, null, keepUntil, null, noticed);
    }

    JsonObject toStoreJson() {
        JsonObject json = new JsonObject()
                .put("reference", reference)
                .put("state", state.json())
                .put("route", route)
                .put("partner", partnerId)
                .put("operator", operator)
                .put("createdAt", createdAt.toString())
                .put("updatedAt", updatedAt.toString())
                .put("attempts", attempts)
                .put("expiresAt", expiresAt.toString());
        put(json, "nextAttemptAt", nextAttemptAt);
        put(json, "acknowledgedAt", acknowledgedAt);
        if (lastProblem != null) {
            json.put("lastProblem", lastProblem);
        }
        if (sealedPayload != null) {
            json.put("payload", sealedPayload);
        }
        if (noticed != null) {
            json.put("noticed", noticed);
        }
        return json;
    }

    static ReferralStatus fromStoreJson(JsonObject json) {
        return new ReferralStatus(json.getString("reference"),
                State.valueOf(json.getString("state").toUpperCase(Locale.ROOT)),
                json.getString("route"), json.getString("partner"), json.getString("operator"),
                instant(json, "createdAt"), instant(json, "updatedAt"), json.getInteger("attempts", 0),
                instant(json, "nextAttemptAt"), json.getString("lastProblem"), instant(json, "acknowledgedAt"),
                instant(json, "expiresAt"), json.getString("payload"), json.getString("noticed"));
    }

    /** What staff see: status only, never content. Supervisors also see who made it and why delivery is late. */
    JsonObject toStatusJson(String partnerName, boolean forSupervisor) {
        JsonObject json = new JsonObject()
                .put("reference", reference)
                .put("status", state.json())
                .put("route", route)
                .put("partner", new JsonObject().put("id", partnerId).put("name", partnerName))
                .put("createdAt", createdAt.toString())
                .put("updatedAt", updatedAt.toString())
                .put("attempts", attempts);
        put(json, "acknowledgedAt", acknowledgedAt);
        if (forSupervisor) {
            json.put("operator", operator);
            put(json, "nextAttemptAt", nextAttemptAt);
            if (lastProblem != null) {
                json.put("lastProblem", lastProblem);
            }
            json.put("keptUntil", expiresAt.toString());
        }
        return json;
    }

    /**
     * What the supervisor view hears of this delivery (Addresses.REFERRAL_DELIVERIES): reference, route, partner,
     * attempts and state only; never the operator, the problem's wording or anything of the content.
     */
    JsonObject toDeliveryJson(String partnerName) {
        JsonObject json = new JsonObject()
                .put("reference", reference)
                .put("route", route)
                .put("partner", partnerId)
                .put("partnerName", partnerName)
                .put("attempts", attempts)
                .put("state", state.json())
                .put("trouble", trouble().json())
                .put("since", updatedAt.toString());
        if (noticed != null) {
            json.put("noticed", noticed);
        }
        return json;
    }

    private static void put(JsonObject json, String field, Instant value) {
        if (value != null) {
            json.put(field, value.toString());
        }
    }

    private static Instant instant(JsonObject json, String field) {
        String text = json.getString(field);
        return text == null ? null : Instant.parse(text);
    }

    /** Never the payload, even sealed. */
    @Override
    public String toString() {
        return "ReferralStatus[" + reference + " " + state.json() + " attempts=" + attempts + "]";
    }
}
