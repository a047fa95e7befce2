package org.helpline.telephony;

import java.time.Duration;

/**
 * The wait announced to a holding caller: every caller ahead of them (position 1 has none) takes one
 * average call from one of the operators who take calls in that language. Whole minutes, rounded
 * down; 0 means "under a minute". Counting the caller too told the next caller in line, with one
 * operator, to expect a whole average call. Rough on purpose: it only has to set expectations.
 */
final class WaitEstimate {
    private WaitEstimate() {
    }

    static long minutes(int position, int operators, Duration averageCall) {
        if (position <= 0) {
            return 0;
        }
        return averageCall.toSeconds() * (position - 1) / Math.max(1, operators) / 60;
    }
}
