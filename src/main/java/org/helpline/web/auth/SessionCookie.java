package org.helpline.web.auth;

import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** The session cookie: HttpOnly, SameSite=Strict, whole site, Secure when the server is reached over HTTPS. */
final class SessionCookie {
    static final String NAME = "helpline_session";

    private SessionCookie() {
    }

    static Cookie carrying(String token, boolean secure) {
        return Cookie.cookie(NAME, token).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(secure);
    }

    static Cookie cleared(boolean secure) {
        return carrying("", secure).setMaxAge(0);
    }

    /** The token the request carries, or null. */
    static String token(RoutingContext context) {
        Cookie cookie = context.request().getCookie(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    /** The token in a {@code Cookie} header, for WebSocket handshakes handled outside the router. */
    static String token(MultiMap headers) {
        for (String header : headers.getAll(HttpHeaders.COOKIE)) {
            for (String pair : header.split(";")) {
                String trimmed = pair.strip();
                if (trimmed.startsWith(NAME + "=")) {
                    return trimmed.substring(NAME.length() + 1);
                }
            }
        }
        return null;
    }
}
