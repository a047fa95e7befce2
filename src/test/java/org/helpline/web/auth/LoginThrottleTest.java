package org.helpline.web.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginThrottleTest {
    private static final String HOME = "198.51.100.7";
    private static final String ATTACKER = "203.0.113.9";

    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock();
    private final AtomicInteger checks = new AtomicInteger();

    private LoginThrottle throttle() {
        return new LoginThrottle(Accounts.config(dir), clock);
    }

    private String attempt(LoginThrottle throttle, String source, String name, boolean right) {
        Future<Void> outcome = throttle.attempt(source, name, () -> {
            checks.incrementAndGet();
            return Future.succeededFuture(right);
        });
        return outcome.succeeded() ? "ok" : ((AuthFailure) outcome.cause()).code();
    }

    @Test
    void refusesTheSixthAttemptFromTheSameAddressEvenWithTheRightPassword() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            assertThat(attempt(throttle, ATTACKER, "ana", false)).isEqualTo("bad_credentials");
        }

        assertThat(attempt(throttle, ATTACKER, "ana", true)).isEqualTo("too_many_attempts");
        assertThat(checks).hasValue(5);
    }

    @Test
    void guessesFromOneAddressNeverLockTheNameOutElsewhere() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 50; i++) {
            attempt(throttle, ATTACKER, "ana", false);
        }

        assertThat(attempt(throttle, HOME, "ana", true)).isEqualTo("ok");
    }

    @Test
    void oneAddressTryingManyNamesIsRefusedAfterItsAllowance() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 20; i++) {
            assertThat(attempt(throttle, ATTACKER, "name" + i, false)).isEqualTo("bad_credentials");
        }

        assertThat(attempt(throttle, ATTACKER, "sofia", true)).isEqualTo("too_many_attempts");
        assertThat(attempt(throttle, HOME, "sofia", true)).isEqualTo("ok");
    }

    @Test
    void saysWhenToTryAgain() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            attempt(throttle, ATTACKER, "ana", false);
            clock.advance(Duration.ofMinutes(1));
        }

        Future<Void> refused = throttle.attempt(ATTACKER, "ana", () -> Future.succeededFuture(true));

        assertThat(((AuthFailure) refused.cause()).retryAfter()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void letsTheRightPasswordInOnceTheWindowHasPassed() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            attempt(throttle, HOME, "ana", false);
        }

        clock.advance(Duration.ofMinutes(15));

        assertThat(attempt(throttle, HOME, "ana", true)).isEqualTo("ok");
    }

    @Test
    void countsNamesWhateverTheirCase() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            attempt(throttle, ATTACKER, i % 2 == 0 ? "ANA" : "ana", false);
        }

        assertThat(attempt(throttle, ATTACKER, "Ana", true)).isEqualTo("too_many_attempts");
    }

    @Test
    void aSuccessStartsTheCountAgain() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 4; i++) {
            attempt(throttle, HOME, "ana", false);
        }
        attempt(throttle, HOME, "ana", true);

        for (int i = 0; i < 4; i++) {
            assertThat(attempt(throttle, HOME, "ana", false)).isEqualTo("bad_credentials");
        }
    }

    @Test
    void aLoginRefusedForABusyPoolIsNotAGuess() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 10; i++) {
            Future<Void> busy = throttle.attempt(HOME, "ana",
                    () -> Future.failedFuture(AuthFailure.busy(HashingPool.RETRY_AFTER)));
            assertThat(((AuthFailure) busy.cause()).code()).isEqualTo("unavailable");
        }

        assertThat(attempt(throttle, HOME, "ana", true)).isEqualTo("ok");
    }

    @Test
    void concurrentGuessesAreCountedBeforeTheyAreChecked() {
        LoginThrottle throttle = throttle();
        Promise<Boolean> slowCheck = Promise.promise();
        for (int i = 0; i < 5; i++) {
            throttle.attempt(ATTACKER, "ana", () -> slowCheck.future());
        }

        assertThat(attempt(throttle, ATTACKER, "ana", true)).isEqualTo("too_many_attempts");
        slowCheck.complete(false);
    }

    @Test
    void sweepingForgetsEndedWindowsOnly() {
        LoginThrottle throttle = throttle();
        for (int i = 0; i < 5; i++) {
            attempt(throttle, ATTACKER, "ana", false);
        }
        throttle.sweep();
        assertThat(attempt(throttle, ATTACKER, "ana", true)).isEqualTo("too_many_attempts");

        clock.advance(Duration.ofMinutes(15));
        throttle.sweep();

        assertThat(attempt(throttle, ATTACKER, "ana", true)).isEqualTo("ok");
    }
}
