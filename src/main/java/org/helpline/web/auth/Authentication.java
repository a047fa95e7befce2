package org.helpline.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import org.helpline.config.AuthConfig;
import org.helpline.core.SourceAddress;
import org.helpline.store.HelplineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This room assembled for the server: the routes, the guard, and a watch on the account file so that
 * accounts added, changed or removed with the {@code user} command take effect within seconds.
 * Password hashing gets its own small pool with a short queue ({@link HashingPool}), so a burst of logins
 * cannot starve the rest of the server of CPU or worker threads, nor make a real login wait behind it.
 */
public final class Authentication {
    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
    static final Duration RELOAD_EVERY = Duration.ofSeconds(5);

    private final Vertx vertx;
    private final AccountFile accounts;
    private final HashingPool hashing;
    private final LoginThrottle throttle;
    private final PasswordHash hasher;
    private final Sessions sessions;
    private final AccessControl access;
    private final AuthRoutes routes;
    private volatile boolean closed;
    private volatile long reloadTimer = -1;
    private String lastProblem;

    private Authentication(Vertx vertx, AuthConfig config, String publicUrl, AccountFile accounts,
                           HelplineStore store, SourceAddress sources, Clock clock) {
        this.vertx = vertx;
        this.accounts = accounts;
        this.hashing = new HashingPool(config.hashingThreads(), config.hashingQueue());
        this.throttle = new LoginThrottle(config, clock);
        this.sessions = new Sessions(store, accounts, config, clock);
        this.access = new AccessControl(sessions, publicUrl, config.secureCookies());
        this.hasher = new PasswordHash(config.hashIterations());
        this.routes = new AuthRoutes(accounts, hasher, sessions, throttle, access, hashing, sources,
                config.secureCookies());
    }

    /**
     * @param accounts  the account file, already read (see {@link FirstRun#prepare})
     * @param publicUrl {@code http.publicUrl}: the only origin allowed to change state
     * @param sources   finds a login's source address, for the throttle
     */
    public static Authentication start(Vertx vertx, AuthConfig config, String publicUrl, AccountFile accounts,
                                       HelplineStore store, SourceAddress sources, Clock clock) {
        Authentication authentication = new Authentication(vertx, Objects.requireNonNull(config), publicUrl,
                accounts, store, sources, clock);
        authentication.scheduleReload();
        // Makes the dummy hash now, so the first login for an unknown name is no slower than any other.
        authentication.hashing.run(() -> {
            authentication.hasher.verifyAgainstDummy("");
            return null;
        }).onFailure(e -> LOG.warn("auth.hash.warmup.failed reason={}", e.toString()));
        return authentication;
    }

    /** Adds {@code /api/login}, {@code /api/logout}, {@code /api/me} and {@code /api/password}. */
    public void mount(Router router) {
        routes.mount(router);
    }

    public AuthRoutes routes() {
        return routes;
    }

    /** The guard for every other protected route: {@code access().requireRole(Role.SUPERVISOR)}. */
    public AccessControl access() {
        return access;
    }

    public Sessions sessions() {
        return sessions;
    }

    public Future<Void> close() {
        closed = true;
        vertx.cancelTimer(reloadTimer);
        hashing.close();
        return Future.succeededFuture();
    }

    private void scheduleReload() {
        if (!closed) {
            reloadTimer = vertx.setTimer(RELOAD_EVERY.toMillis(), id -> vertx.executeBlocking(accounts::reloadIfChanged, false)
                    .onComplete(reloaded -> {
                        throttle.sweep();
                        report(reloaded.failed() ? reloaded.cause().getMessage() : null, reloaded.succeeded() && reloaded.result());
                        scheduleReload();
                    }));
        }
    }

    /** Says once when the file becomes unreadable (the last good accounts stay in force) and when it is fixed. */
    private void report(String problem, boolean reloaded) {
        if (problem != null && !problem.equals(lastProblem)) {
            LOG.warn("auth.accounts.unreadable keeping=previous problem=\"{}\"", problem);
        } else if (reloaded) {
            LOG.info("auth.accounts.reloaded count={}", accounts.all().size());
        }
        lastProblem = problem;
    }
}
