package org.helpline.web.auth;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.SecurityPolicyHandler;

/**
 * The guard in front of routes: a live session (else 401), one of the allowed roles (else 403), a chosen
 * password (else 403 until {@code /api/password}), and for state-changing requests and WebSocket
 * upgrades an {@code Origin}, when sent, that is the server's own public URL (else 403). The origin check
 * backs up SameSite=Strict against requests forged by other sites.
 */
public final class AccessControl {
    private static final String ACCOUNT = "account";
    private static final String SESSION = "session";
    private static final Set<String> OPEN_BEFORE_PASSWORD_CHANGE = Set.of("/api/me", "/api/password", "/api/logout");
    private static final Set<HttpMethod> STATE_CHANGING =
            Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.DELETE, HttpMethod.PATCH);

    private final Sessions sessions;
    private final String allowedOrigin;
    private final boolean secureCookies;

    /** @param publicUrl the configured {@code http.publicUrl}, such as {@code https://helpline.example.org} */
    public AccessControl(Sessions sessions, String publicUrl, boolean secureCookies) {
        this.sessions = sessions;
        this.allowedOrigin = normalisedOrigin(publicUrl);
        if (allowedOrigin == null) {
            throw new IllegalArgumentException("public URL '" + publicUrl + "' is not a scheme and host");
        }
        this.secureCookies = secureCookies;
    }

    /**
     * Lets the request through only for a live session of one of these roles; puts the account in the context.
     * Vert.x wants it after any {@code BodyHandler} on the same route.
     */
    public Handler<RoutingContext> requireRole(Role... allowed) {
        Set<Role> roles = roles(allowed);
        return context -> {
            HttpServerRequest request = context.request();
            if (!originAllowed(request.method(), request.headers())) {
                AuthFailure.reply(context, AuthFailure.badOrigin());
                return;
            }
            String token = SessionCookie.token(context);
            boolean pause = !request.isEnded();
            if (pause) {
                request.pause(); // keep the body for a BodyHandler further down while the store answers
            }
            sessions.find(token).onComplete(found -> {
                if (pause) {
                    request.resume();
                }
                if (found.failed()) {
                    AuthFailure.reply(context, found.cause());
                    return;
                }
                AuthFailure refused = refusal(found.result(), context.normalizedPath(), roles);
                if (refused != null) {
                    if (token != null && refused.status() == 401) {
                        context.response().addCookie(SessionCookie.cleared(secureCookies));
                    }
                    AuthFailure.reply(context, refused);
                    return;
                }
                context.put(SESSION, found.result());
                context.put(ACCOUNT, found.result().account());
                context.next();
            });
        };
    }

    /** Only the origin check, for routes open without a session (login, logout); may come before a BodyHandler. */
    public SecurityPolicyHandler sameOrigin() {
        return context -> {
            if (originAllowed(context.request().method(), context.request().headers())) {
                context.next();
            } else {
                AuthFailure.reply(context, AuthFailure.badOrigin());
            }
        };
    }

    /**
     * The same checks for a WebSocket handshake handled outside the router (for example in
     * {@code HttpServer.webSocketHandshakeHandler}): fails with an {@link AuthFailure} naming status and code.
     */
    public Future<Session> authorizeUpgrade(MultiMap headers, Role... allowed) {
        if (!originAllowed(HttpMethod.GET, headers)) {
            return Future.failedFuture(AuthFailure.badOrigin());
        }
        Set<Role> roles = roles(allowed);
        return sessions.find(SessionCookie.token(headers)).compose(session -> {
            AuthFailure refused = refusal(session, "", roles);
            return refused == null ? Future.succeededFuture(session) : Future.failedFuture(refused);
        });
    }

    /** The account of the person behind this request; only on routes behind {@link #requireRole}. */
    public static Account of(RoutingContext context) {
        Account account = context.get(ACCOUNT);
        if (account == null) {
            throw new IllegalStateException("no account here: the route has no requireRole guard");
        }
        return account;
    }

    static Session session(RoutingContext context) {
        Session session = context.get(SESSION);
        if (session == null) {
            throw new IllegalStateException("no session here: the route has no requireRole guard");
        }
        return session;
    }

    static AuthFailure refusal(Session session, String path, Set<Role> roles) {
        if (session == null) {
            return AuthFailure.unauthenticated();
        }
        if (!roles.contains(session.account().role())) {
            return AuthFailure.forbidden();
        }
        if (session.passwordChangeRequired() && !OPEN_BEFORE_PASSWORD_CHANGE.contains(path)) {
            return AuthFailure.passwordChangeRequired();
        }
        return null;
    }

    private boolean originAllowed(HttpMethod method, MultiMap headers) {
        boolean upgrade = "websocket".equalsIgnoreCase(headers.get(HttpHeaders.UPGRADE));
        String origin = headers.get(HttpHeaders.ORIGIN);
        if (origin == null || !(upgrade || STATE_CHANGING.contains(method))) {
            return true;
        }
        return allowedOrigin.equals(normalisedOrigin(origin));
    }

    /** {@code scheme://host:port} in lower case with the default port written out, or null if it is not a URL. */
    static String normalisedOrigin(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme) ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static Set<Role> roles(Role... allowed) {
        if (allowed.length == 0) {
            throw new IllegalArgumentException("name at least one role");
        }
        return Set.copyOf(EnumSet.of(allowed[0], allowed));
    }
}
