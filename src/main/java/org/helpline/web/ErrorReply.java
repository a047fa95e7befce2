package org.helpline.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.helpline.wire.JsonSocket;

/** The one shape of every error the server answers: {@code {"type":"error","code":"...","message":"..."}}. */
public final class ErrorReply {
    private ErrorReply() {
    }

    public static JsonObject of(String code, String message) {
        return JsonSocket.error(code, message);
    }

    public static void send(RoutingContext context, int status, String code, String message) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(of(code, message).encode());
    }
}
