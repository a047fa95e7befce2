package org.helpline.web.auth;

import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.helpline.core.SourceAddress;
import org.helpline.web.ErrorReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/login}, {@code POST /api/logout}, {@code GET /api/me}, {@code PUT /api/me/language} and
 * {@code POST /api/password}.
 * Password checks and hashes run on the {@link HashingPool}, never on the event loop.
 */
public final class AuthRoutes {
    public static final String LOGIN = "/api/login";
    public static final String LOGOUT = "/api/logout";
    public static final String ME = "/api/me";
    public static final String PASSWORD = "/api/password";
    public static final String LANGUAGE = "/api/me/language";
    static final long BODY_LIMIT = 4096;
    private static final Logger LOG = LoggerFactory.getLogger(AuthRoutes.class);

    private final AccountFile accounts;
    private final PasswordHash hasher;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final AccessControl access;
    private final HashingPool hashing;
    private final SourceAddress sources;
    private final boolean secureCookies;

    public AuthRoutes(AccountFile accounts, PasswordHash hasher, Sessions sessions, LoginThrottle throttle,
                      AccessControl access, HashingPool hashing, SourceAddress sources, boolean secureCookies) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.throttle = throttle;
        this.access = access;
        this.hashing = hashing;
        this.sources = sources;
        this.secureCookies = secureCookies;
    }

    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        router.post(LOGIN).handler(access.sameOrigin()).handler(body).handler(this::login).failureHandler(this::failed);
        router.post(LOGOUT).handler(access.sameOrigin()).handler(this::logout).failureHandler(this::failed);
        router.get(ME).handler(access.requireRole(Role.values())).handler(this::me).failureHandler(this::failed);
        router.put(LANGUAGE).handler(access.sameOrigin()).handler(body).handler(access.requireRole(Role.values()))
                .handler(this::chooseLanguage).failureHandler(this::failed);
        router.post(PASSWORD).handler(body).handler(access.requireRole(Role.values())).handler(this::changePassword)
                .failureHandler(this::failed);
    }

    private void login(RoutingContext context) {
        JsonObject body = jsonBody(context);
        if (body == null) {
            return;
        }
        String given = text(body, "name");
        String password = text(body, "password");
        if (given == null || password == null) {
            AuthFailure.reply(context, AuthFailure.badRequest("bad_request", "send a name and a password"));
            return;
        }
        String name = given.strip().toLowerCase(Locale.ROOT);
        boolean possible = Account.NAME.matcher(name).matches();
        Optional<Account> known = possible ? accounts.find(name) : Optional.empty();
        // A name that could not exist still costs a hash, so that no answer is faster than another.
        Future<Void> checked = possible
                ? throttle.attempt(sourceOf(context), name, () -> check(password, known))
                : check(password, known).compose(right -> Future.failedFuture(AuthFailure.badCredentials()));
        checked.compose(right -> sessions.close(SessionCookie.token(context)))
                .compose(closed -> sessions.open(known.orElseThrow()))
                .onSuccess(session -> {
                    LOG.info("auth.login account={} role={}", name, session.account().role().json());
                    Account account = session.account();
                    context.response().addCookie(SessionCookie.carrying(session.token(), secureCookies));
                    sendJson(context, 200, new JsonObject()
                            .put("name", account.name())
                            .put("role", account.role().json())
                            .put("displayName", account.displayName())
                            .put("passwordChangeRequired", account.mustChangePassword()));
                })
                .onFailure(failure -> {
                    // Names are logged only for real accounts: someone may type a password into the name field.
                    String logged = known.isPresent() ? name : "unknown";
                    if (failure instanceof AuthFailure refused && refused.status() == 429) {
                        LOG.info("auth.login.throttled account={}", logged);
                    } else if (failure instanceof AuthFailure) {
                        LOG.info("auth.login.failed account={}", logged);
                    }
                    AuthFailure.reply(context, failure);
                });
    }

    private void logout(RoutingContext context) {
        sessions.close(SessionCookie.token(context)).onComplete(closed -> {
            if (closed.failed()) {
                AuthFailure.reply(context, closed.cause());
                return;
            }
            context.response().addCookie(SessionCookie.cleared(secureCookies))
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .setStatusCode(204).end();
        });
    }

    private void me(RoutingContext context) {
        sendJson(context, 200, AccessControl.of(context).publicJson());
    }

    /**
     * The language of the staff pages (operator console, supervisor view), kept in the account (not personal data of
     * callers), so it follows its owner to every sign-in, every computer and both pages; the browser keeps nothing.
     */
    private void chooseLanguage(RoutingContext context) {
        JsonObject body = jsonBody(context);
        if (body == null) {
            return;
        }
        String language = text(body, "language");
        if (language == null || !Account.CONSOLE_LANGUAGES.contains(language)) {
            AuthFailure.reply(context, AuthFailure.badRequest("bad_language",
                    "language must be one of " + String.join(", ", Account.CONSOLE_LANGUAGES)));
            return;
        }
        String name = AccessControl.of(context).name();
        context.vertx().<Account>executeBlocking(() -> accounts.update(name, a -> a.withConsoleLanguage(language)))
                .recover(failure -> Future.failedFuture(failure instanceof NoSuchElementException
                        ? AuthFailure.unauthenticated() : failure))
                .onSuccess(updated -> {
                    LOG.info("auth.console_language.changed account={} language={}", name, language);
                    sendJson(context, 200, updated.publicJson());
                })
                .onFailure(failure -> AuthFailure.reply(context, failure));
    }

    /**
     * Needs the current password. The new one replaces the hash, which ends the account's other sessions
     * (each session is bound to the hash it was opened with); this one is swapped for a fresh token.
     */
    private void changePassword(RoutingContext context) {
        JsonObject body = jsonBody(context);
        if (body == null) {
            return;
        }
        String current = text(body, "current");
        String next = text(body, "new");
        if (current == null || next == null) {
            AuthFailure.reply(context, AuthFailure.badRequest("bad_request", "send the current and the new password"));
            return;
        }
        String problem = PasswordHash.problemWith(next);
        if (problem != null) {
            AuthFailure.reply(context, AuthFailure.badRequest("weak_password", problem));
            return;
        }
        if (next.equals(current)) {
            AuthFailure.reply(context, AuthFailure.badRequest("same_password", "choose a password different from the current one"));
            return;
        }
        Session session = AccessControl.session(context);
        Account account = session.account();
        throttle.attempt(sourceOf(context), account.name(), () -> check(current, Optional.of(account)))
                .recover(failure -> Future.failedFuture(failure instanceof AuthFailure refused
                        && refused.code().equals("bad_credentials") ? AuthFailure.wrongCurrentPassword() : failure))
                .compose(right -> hashing.run(() -> {
                    String hash = hasher.hash(next);
                    return accounts.update(account.name(), a -> a.withPassword(hash, false));
                }))
                .recover(failure -> Future.failedFuture(failure instanceof NoSuchElementException
                        ? AuthFailure.unauthenticated() : failure))
                .compose(updated -> sessions.close(session.token()).compose(closed -> sessions.open(updated)))
                .onSuccess(renewed -> {
                    LOG.info("auth.password.changed account={}", account.name());
                    context.response().addCookie(SessionCookie.carrying(renewed.token(), secureCookies))
                            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                            .setStatusCode(204).end();
                })
                .onFailure(failure -> {
                    if (failure instanceof AuthFailure refused && refused.status() != 429) {
                        LOG.info("auth.password.change.failed account={}", account.name());
                    }
                    AuthFailure.reply(context, failure);
                });
    }

    /** Whether the password is right, decided on the hashing pool; unknown names check a dummy hash. */
    private Future<Boolean> check(String password, Optional<Account> known) {
        return hashing.run(() -> {
            if (known.isPresent()) {
                return PasswordHash.verify(password, known.get().passwordHash());
            }
            hasher.verifyAgainstDummy(password);
            return false;
        });
    }

    /** For the throttle only, in memory: never logged. */
    private String sourceOf(RoutingContext context) {
        SocketAddress remote = context.request().remoteAddress();
        return sources.of(remote == null ? null : remote.hostAddress(), context.request().getHeader(SourceAddress.FORWARDED_FOR));
    }

    private void failed(RoutingContext context) {
        if (context.failure() != null) {
            AuthFailure.reply(context, context.failure());
        } else if (context.statusCode() == 413) {
            ErrorReply.send(context, 413, "body_too_large", "the request body may have at most " + BODY_LIMIT + " bytes");
        } else if (context.statusCode() >= 400 && context.statusCode() < 500) {
            ErrorReply.send(context, context.statusCode(), "bad_request", "the request could not be read");
        } else {
            AuthFailure.reply(context, new IllegalStateException("failed with status " + context.statusCode()));
        }
    }

    /** The request's JSON object, or null after answering 415 or 400. */
    private static JsonObject jsonBody(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            AuthFailure.reply(context, AuthFailure.notJson());
            return null;
        }
        JsonObject json;
        try {
            json = context.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            json = null;
        }
        if (json == null) {
            AuthFailure.reply(context, AuthFailure.badRequest("bad_json", "the body is not a JSON object"));
        }
        return json;
    }

    private static String text(JsonObject json, String field) {
        return json.getValue(field) instanceof String text ? text : null;
    }

    private static void sendJson(RoutingContext context, int status, JsonObject body) {
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
    }
}
