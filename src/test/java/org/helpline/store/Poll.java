package org.helpline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for something that happens by itself (a TTL running out, a reconnect), up to a deadline. */
final class Poll {
    private static final Duration EVERY = Duration.ofMillis(25);

    private Poll() {
    }

    static void until(Duration deadline, BooleanSupplier condition, String what) {
        Instant giveUp = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("waited " + deadline.toMillis() + " ms for: " + what);
            }
            try {
                Thread.sleep(EVERY);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }
}
