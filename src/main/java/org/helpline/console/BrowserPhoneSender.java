package org.helpline.console;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;
import org.helpline.core.RejectedCommand;

/** Asks the telephony room for an operator's browser phone, and gives it back (docs/protocol.md, "Browser phone"). */
final class BrowserPhoneSender {
    private final Vertx vertx;

    BrowserPhoneSender(Vertx vertx) {
        this.vertx = vertx;
    }

    /** The phone's WebSocket, SIP address, user name and password; refused when telephony is off or down. */
    Future<JsonObject> issue(String operatorId) {
        return ask(new JsonObject().put("operatorId", operatorId).put("want", true));
    }

    /** Revokes the phone if it is still this one (another console of the operator may have taken it over since). */
    Future<Void> revoke(String operatorId, String endpoint) {
        return ask(new JsonObject().put("operatorId", operatorId).put("want", false).put("endpoint", endpoint)).mapEmpty();
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
