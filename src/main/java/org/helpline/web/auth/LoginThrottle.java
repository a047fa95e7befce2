package org.helpline.web.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.helpline.config.AuthConfig;
import org.helpline.store.HelplineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Limits password guesses per account name (never per address: the server keeps no IP addresses).
 * After {@code loginAttempts} failures within {@code loginWindow} of the first one, every attempt is
 * refused, right password or not, until that window ends. Failures are counted in the store, so a
 * restart in Redis mode does not reset them. Attempts for one name run one at a time, so that
 * concurrent guesses cannot all slip past the count before any failure is written.
 */
public final class LoginThrottle {
    private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
    private final HelplineStore store;
    private final int attempts;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Future<Void>> lanes = new ConcurrentHashMap<>();

    public LoginThrottle(HelplineStore store, AuthConfig config, Clock clock) {
        this.store = store;
        this.attempts = config.loginAttempts();
        this.window = config.loginWindow();
        this.clock = clock;
    }

    /**
     * Runs {@code check} (true when the password is right) unless the name is blocked. Fails with
     * {@code too_many_attempts} when blocked and {@code bad_credentials} when the check says no.
     */
    public Future<Void> attempt(String name, Supplier<Future<Boolean>> check) {
        String lane = name.toLowerCase(Locale.ROOT);
        return oneAtATime(lane, () -> store.get(key(lane)).compose(text -> {
            Instant now = clock.instant();
            Failures failures = Failures.parse(text, now, window);
            if (failures.count() >= attempts) {
                return Future.failedFuture(AuthFailure.tooManyAttempts(failures.endsIn(now, window)));
            }
            return check.get().compose(right -> right
                    ? (failures.count() == 0 ? Future.succeededFuture() : store.delete(key(lane)))
                    : record(lane, failures, now).compose(done -> Future.failedFuture(AuthFailure.badCredentials())));
        }));
    }

    private Future<Void> record(String lane, Failures failures, Instant now) {
        Failures next = failures.count() == 0 ? new Failures(1, now) : new Failures(failures.count() + 1, failures.since());
        JsonObject value = new JsonObject().put("failures", next.count()).put("since", next.since().toString());
        return store.put(key(lane), value.encode(), next.endsIn(now, window));
    }

    private <T> Future<T> oneAtATime(String lane, Supplier<Future<T>> work) {
        Promise<Void> finished = Promise.promise();
        Future<Void> mine = finished.future();
        Future<Void> before = lanes.put(lane, mine);
        Future<Void> turn = before == null ? Future.succeededFuture() : onCallersContext(before);
        Future<T> result = turn.compose(ignored -> work.get());
        result.onComplete(done -> {
            lanes.remove(lane, mine);
            finished.complete();
        });
        return result;
    }

    /** The previous attempt may end on another event loop; carry on where this request lives. */
    private static Future<Void> onCallersContext(Future<Void> before) {
        Context context = Vertx.currentContext();
        Promise<Void> turn = Promise.promise();
        before.onComplete(done -> {
            if (context == null) {
                turn.complete();
            } else {
                context.runOnContext(v -> turn.complete());
            }
        });
        return turn.future();
    }

    private static String key(String lane) {
        return "login-failures:" + lane;
    }

    private record Failures(int count, Instant since) {
        static Failures parse(String text, Instant now, Duration window) {
            if (text == null) {
                return new Failures(0, now);
            }
            Failures found;
            try {
                JsonObject json = new JsonObject(text);
                found = new Failures(json.getInteger("failures", 0), Instant.parse(json.getString("since")));
            } catch (RuntimeException e) {
                // Refusing every login for this name until the value expires would help no one.
                LOG.warn("auth.throttle.unreadable reason={}", e.getClass().getSimpleName());
                return new Failures(0, now);
            }
            return now.isBefore(found.since().plus(window)) ? found : new Failures(0, now);
        }

        Duration endsIn(Instant now, Duration window) {
            return Duration.between(now, since.plus(window));
        }
    }
}
