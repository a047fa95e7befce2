package org.helpline.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.vertx.core.Future;
import org.helpline.config.AuthConfig;

/**
 * Limits password guesses per source address and account name ({@code auth.loginAttempts} failures within
 * {@code auth.loginWindow}), and per source address alone ({@code auth.loginFailuresPerSource}, against one
 * address trying many names). Never per name alone: a flood of wrong passwords from elsewhere must not lock
 * the operator out from their own address. Once a limit is reached, that address is refused (right password
 * or not) until the window that began with its first failure ends.
 *
 * <p>Kept in memory only, never stored or logged: a source address is personal data. A restart forgets the
 * counts, and with two servers (one active) each keeps its own; an attacker gains one window at most. The
 * maps stay small: every entry costs its sender a password hash, which the {@link HashingPool} bounds.
 * An attempt is counted before its check, so concurrent guesses cannot all slip past the limit.
 */
public final class LoginThrottle {
    private final int perName;
    private final int perSource;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Failures> byNameFromSource = new ConcurrentHashMap<>();
    private final Map<String, Failures> bySource = new ConcurrentHashMap<>();

    public LoginThrottle(AuthConfig config, Clock clock) {
        this.perName = config.loginAttempts();
        this.perSource = config.loginFailuresPerSource();
        this.window = config.loginWindow();
        this.clock = clock;
    }

    /**
     * Runs {@code check} (true when the password is right) unless this source is refused for the name. Fails
     * with {@code too_many_attempts} when refused and {@code bad_credentials} when the check says no.
     */
    public Future<Void> attempt(String source, String name, Supplier<Future<Boolean>> check) {
        String pair = source + " " + name.toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Duration refused = reserve(byNameFromSource, pair, perName, now);
        if (refused == null) {
            refused = reserve(bySource, source, perSource, now);
            if (refused != null) {
                release(byNameFromSource, pair);
            }
        }
        if (refused != null) {
            return Future.failedFuture(AuthFailure.tooManyAttempts(refused));
        }
        return check.get().transform(checked -> {
            if (checked.succeeded() && !checked.result()) {
                return Future.failedFuture(AuthFailure.badCredentials());
            }
            // Right, or not checked at all (the hashing pool was full): neither is a wrong guess.
            release(bySource, source);
            if (checked.succeeded()) {
                byNameFromSource.remove(pair);
                return Future.succeededFuture();
            }
            release(byNameFromSource, pair);
            return Future.failedFuture(checked.cause());
        });
    }

    /** Forgets counts whose window has ended. */
    public void sweep() {
        Instant now = clock.instant();
        byNameFromSource.values().removeIf(f -> f.over(now, window));
        bySource.values().removeIf(f -> f.over(now, window));
    }

    /** Counts one attempt under {@code key}, or answers how long until it may try again. */
    private Duration reserve(Map<String, Failures> counts, String key, int limit, Instant now) {
        Duration[] refused = new Duration[1];
        counts.compute(key, (k, before) -> {
            Failures current = before == null || before.over(now, window) ? new Failures(0, now) : before;
            if (current.count() >= limit) {
                refused[0] = Duration.between(now, current.since().plus(window));
                return current;
            }
            return new Failures(current.count() + 1, current.since());
        });
        return refused[0];
    }

    private static void release(Map<String, Failures> counts, String key) {
        counts.computeIfPresent(key, (k, f) -> f.count() <= 1 ? null : new Failures(f.count() - 1, f.since()));
    }

    private record Failures(int count, Instant since) {
        boolean over(Instant now, Duration window) {
            return !now.isBefore(since.plus(window));
        }
    }
}
