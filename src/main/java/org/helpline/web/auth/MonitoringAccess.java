package org.helpline.web.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Who may read the server's inner state ({@code /metrics}, the detailed {@code /health}): staffing, queues and
 * the addresses of its links are for the helpline, not for anyone on the internet. A monitoring system sends
 * the configured token ({@code Authorization: Bearer ...}, {@code http.metricsToken}; compared in constant
 * time); a person signs in as a supervisor. A standby has no sessions to check: there, the token only.
 */
public final class MonitoringAccess {
    private static final String BEARER = "bearer ";
    private static final Set<Role> SUPERVISORS = Set.of(Role.SUPERVISOR);

    private final byte[] token;
    private final Sessions sessions;

    private MonitoringAccess(String token, Sessions sessions) {
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.sessions = sessions;
    }

    /** @param token {@code http.metricsToken}; empty: no token opens anything, only a supervisor's session */
    public static MonitoringAccess of(String token, Sessions sessions) {
        return new MonitoringAccess(token, sessions);
    }

    /** For a server without sessions of its own (a standby): the token, or nothing. */
    public static MonitoringAccess tokenOnly(String token) {
        return new MonitoringAccess(token, null);
    }

    /**
     * Succeeds when this request may read the details; else fails with the refusal to answer: 401
     * {@code unauthenticated} (no or a wrong token, no session), 403 for a session of another role, 503
     * {@code unavailable} when sessions cannot be checked.
     */
    public Future<Void> check(RoutingContext context) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return tokenMatches(authorization) ? Future.succeededFuture()
                    : Future.failedFuture(AuthFailure.notForMonitoring("the monitoring token is wrong"));
        }
        String session = SessionCookie.token(context);
        if (session == null || sessions == null) {
            return Future.failedFuture(AuthFailure.notForMonitoring(sessions == null
                    ? "a standby shows this only to the monitoring token (Authorization: Bearer)"
                    : "log in as a supervisor, or send the monitoring token (Authorization: Bearer)"));
        }
        return sessions.find(session).compose(found -> {
            AuthFailure refused = AccessControl.refusal(found, "", SUPERVISORS);
            return refused == null ? Future.succeededFuture() : Future.failedFuture(refused);
        });
    }

    /** A guard for routes that are nothing but details: lets the request on, or answers the refusal. */
    public Handler<RoutingContext> required() {
        return context -> check(context).onComplete(allowed -> {
            if (allowed.succeeded()) {
                context.next();
            } else {
                AuthFailure.reply(context, allowed.cause());
            }
        });
    }

    private boolean tokenMatches(String authorization) {
        if (token == null || authorization.length() <= BEARER.length()
                || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return false;
        }
        byte[] given = authorization.substring(BEARER.length()).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token, given);
    }
}
