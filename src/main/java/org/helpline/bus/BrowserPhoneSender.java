package org.helpline.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;
import org.helpline.core.RejectedCommand;

/**
 * Asks the telephony room for a user's browser phone, and gives it back (docs/protocol.md, "Browser phone"): an
 * operator's takes the calls offered to them, a supervisor's rings only when they listen in.
 */
public final class BrowserPhoneSender {
    private final Vertx vertx;
    private final String role;

    private BrowserPhoneSender(Vertx vertx, String role) {
        this.vertx = vertx;
        this.role = role;
    }

    /** Phones the router's offers dial. */
    public static BrowserPhoneSender forOperators(Vertx vertx) {
        return new BrowserPhoneSender(vertx, "operator");
    }

    /** Phones only listening in rings: never offered a call. */
    public static BrowserPhoneSender forSupervisors(Vertx vertx) {
        return new BrowserPhoneSender(vertx, "supervisor");
    }

    /** The phone's WebSocket, SIP address, user name and password; refused when telephony is off or down. */
    public Future<JsonObject> issue(String user) {
        return ask(new JsonObject().put("user", user).put("role", role).put("want", true));
    }

    /** Revokes the phone if it is still this one (another page of the user may have taken it over since). */
    public Future<Void> revoke(String user, String endpoint) {
        return ask(new JsonObject().put("user", user).put("role", role).put("want", false).put("endpoint", endpoint))
                .mapEmpty();
    }

    private Future<JsonObject> ask(JsonObject request) {
        return vertx.eventBus().<Object>request(Addresses.BROWSER_PHONE, request).compose(reply -> switch (reply.body()) {
            case JsonObject answer -> Future.succeededFuture(answer);
            case RejectedCommand refused -> Future.failedFuture(refused);
            default -> Future.failedFuture(new IllegalStateException("unexpected answer"));
        }).recover(e -> e instanceof ReplyException r && r.failureType() == ReplyFailure.NO_HANDLERS
                ? Future.failedFuture(new RejectedCommand("phone_off", "telephony is switched off on this server"))
                : Future.failedFuture(e));
    }
}
