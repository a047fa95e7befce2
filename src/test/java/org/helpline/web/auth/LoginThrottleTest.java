package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.helpline.store.MemoryStore;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginThrottleTest {
    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock();
    private final AtomicInteger checks = new AtomicInteger();

    private LoginThrottle throttle() {
        return new LoginThrottle(new MemoryStore(clock), Accounts.config(dir), clock);
    }

    private String attempt(LoginThrottle throttle, String name, boolean right) {
        Future<Void> outcome = throttle.attempt(name, () -> {
            checks.incrementAndGet();
            return Future.succeededFuture(right);
        });
        return outcome.succeeded() ? "ok" : ((AuthFailure) outcome.cause()).code();
    }

    @Test
    void refusesTheSixthAttemptEvenWithTheRightPassword() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(throttle, "ana", false)).isEqualTo("bad_credentials");
        }

        assertThat(attempt(throttle, "ana", true)).isEqualTo("too_many_attempts");
        assertThat(checks).hasValue(5);
    }

    @Test
    void saysWhenToTryAgain() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            attempt(throttle, "ana", false);
            clock.advance(Duration.ofMinutes(1));
        }

        Future<Void> refused = throttle.attempt("ana", () -> Future.succeededFuture(true));

        assertThat(((AuthFailure) refused.cause()).retryAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void letsTheRightPasswordInOnceTheWindowHasPassed() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            attempt(throttle, "ana", false);
        }

        clock.advance(Duration.ofMinutes(15));

        assertThat(attempt(throttle, "ana", true)).isEqualTo("ok");
    }

    @Test
    void countsNamesWhateverTheirCase() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            attempt(throttle, i % 2 == 0 ? "ANA" : "ana", false);
        }

        assertThat(attempt(throttle, "Ana", true)).isEqualTo("too_many_attempts");
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 4; i++) {
            attempt(throttle, "ana", false);
        }
        attempt(throttle, "ana", true);

        for (int i = 0; i < 4; i++) {
            assertThat(attempt(throttle, "ana", false)).isEqualTo("bad_credentials");
        }
    }

    @Test
    void otherNamesAreNotAffected() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            attempt(throttle, "ana", false);
        }

        assertThat(attempt(throttle, "sofia", true)).isEqualTo("ok");
    }

    @Test
    void survivesARestartOfTheServerWithTheSameStore() {
        MemoryStore store = new MemoryStore(clock);
        LoginThrottle before = new LoginThrottle(store, Accounts.config(dir), clock);
        for (int i = 0; i < 5; i++) {
            attempt(before, "ana", false);
        }

        LoginThrottle after = new LoginThrottle(store, Accounts.config(dir), clock);

        assertThat(attempt(after, "ana", true)).isEqualTo("too_many_attempts");
    }

    @Test
    void concurrentGuessesWaitForEachOther() {
        LoginThrottle throttle = throttle();
        Promise<Boolean> slowCheck = Promise.promise();
        Future<Void> first = throttle.attempt("ana", () -> slowCheck.future());
        Future<Void> second = throttle.attempt("ana", () -> Future.succeededFuture(true));

        assertThat(second.isComplete()).isFalse();
        slowCheck.complete(false);

        assertThat(first.failed()).isTrue();
        assertThat(second.succeeded()).isTrue();
    }
}
