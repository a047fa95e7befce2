package org.helpline.store;

/**
 * How logs name a leader's term. Its fencing number is at least Redis's clock in milliseconds, thirteen digits that
 * the log redaction masks as a phone number (rightly: it cannot tell them apart); the number's last six digits tell
 * one term from the next in a log and stay readable (two terms share them only if their numbers differ by a whole
 * multiple of a million: about 17 minutes of clock, to the millisecond).
 */
public final class Term {
    private static final long SHOWN = 1_000_000;

    private Term() {
    }

    /** The term of this fencing number, as logs write it ({@code term=...}). */
    public static long of(long fencingNumber) {
        return fencingNumber % SHOWN;
    }
}
