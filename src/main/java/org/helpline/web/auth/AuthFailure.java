package org.helpline.web.auth;

import java.time.Duration;

import io.vertx.ext.web.RoutingContext;
import org.helpline.store.StoreUnavailable;
import org.helpline.web.ErrorReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Why a request was refused: the HTTP status, the error code and a message fit to show the person. */
public final class AuthFailure extends RuntimeException {
    private static final Logger LOG = LoggerFactory.getLogger(AuthFailure.class);

    private final int status;
    private final String code;
    private final Duration retryAfter;

    AuthFailure(int status, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static AuthFailure unauthenticated() {
        return new AuthFailure(401, "unauthenticated", "log in first", null);
    }

    static AuthFailure notForMonitoring(String message) {
        return new AuthFailure(401, "unauthenticated", message, null);
    }

    static AuthFailure badCredentials() {
        return new AuthFailure(401, "bad_credentials", "wrong name or password", null);
    }

    static AuthFailure forbidden() {
        return new AuthFailure(403, "forbidden", "your role does not allow this", null);
    }

    static AuthFailure passwordChangeRequired() {
        return new AuthFailure(403, "password_change_required", "choose a new password first", null);
    }

    static AuthFailure badOrigin() {
        return new AuthFailure(403, "bad_origin", "requests from other sites are refused", null);
    }

    static AuthFailure tooManyAttempts(Duration retryAfter) {
        return new AuthFailure(429, "too_many_attempts",
                "too many failed logins from this address; try again later", retryAfter);
    }

    static AuthFailure busy(Duration retryAfter) {
        return new AuthFailure(503, "unavailable", "too many logins are being checked right now; try again in a moment",
                retryAfter);
    }

    static AuthFailure wrongCurrentPassword() {
        return new AuthFailure(403, "bad_credentials", "the current password is wrong", null);
    }

    static AuthFailure notJson() {
        return new AuthFailure(415, "unsupported_media_type", "send the body as application/json", null);
    }

    static AuthFailure badRequest(String code, String message) {
        return new AuthFailure(400, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** How long to wait before trying again (429, and 503 when busy), else null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** The one place that turns failures of this room into HTTP answers. */
    static void reply(RoutingContext context, Throwable failure) {
        if (context.response().ended()) {
            return;
        }
        if (failure instanceof AuthFailure refused) {
            if (refused.retryAfter != null) {
                long seconds = Math.max(1, (refused.retryAfter.toMillis() + 999) / 1000);
                context.response().putHeader("Retry-After", Long.toString(seconds));
            }
            ErrorReply.send(context, refused.status, refused.code, refused.getMessage());
            return;
        }
        if (failure instanceof StoreUnavailable) {
            // Sessions and login throttles live in the store: without it nobody can be let in, for now.
            LOG.warn("auth.request.unavailable path={}", context.normalizedPath());
            context.response().putHeader("Retry-After", "5");
            ErrorReply.send(context, 503, "unavailable", "the server cannot check sessions right now; try again in a moment");
            return;
        }
        // The class only: a message could quote what a client sent, and a login body holds a password.
        LOG.error("auth.request.failed path={} failure={}", context.normalizedPath(), failure.getClass().getName());
        ErrorReply.send(context, 500, "internal", "something went wrong on the server");
    }
}
