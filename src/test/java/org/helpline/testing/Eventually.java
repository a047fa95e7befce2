package org.helpline.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls a condition until a deadline: for things that happen on other threads. Never a wait for time to pass. */
public final class Eventually {
    public static final Duration WAIT = Duration.ofSeconds(10);

    private Eventually() {
    }

    public static void until(BooleanSupplier condition, String what) {
        until(condition, what, WAIT);
    }

    /** With a deadline of its own, for what takes real time (a real Asterisk playing prompts, a benchmark's thousands of connections). */
    public static void until(BooleanSupplier condition, String what, Duration within) {
        long giveUp = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("waited " + within.toSeconds() + " s for: " + what);
            }
            try {
                Thread.sleep(10); // the polling interval of a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
