package org.helpline.web;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The one shape of every error the server answers: {@code {"type":"error","code":"...","message":"..."}}. */
public final class ErrorReply {
    private ErrorReply() {
    }

    public static JsonObject of(String code, String message) {
        return new JsonObject().put("type", "error").put("code", code).put("message", message);
    }

    public static void send(RoutingContext context, int status, String code, String message) {
        context.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(of(code, message).encode());
    }
}
