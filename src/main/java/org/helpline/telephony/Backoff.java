package org.helpline.telephony;

import java.time.Duration;

/** Pauses between reconnection attempts: from the shortest, doubling up to the longest. */
final class Backoff {
    private final Duration shortest;
    private final Duration longest;
    private Duration next;

    Backoff(Duration shortest, Duration longest) {
        this.shortest = shortest;
        this.longest = longest;
        this.next = shortest;
    }

    Duration next() {
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(longest) > 0 ? longest : doubled;
        return pause;
    }

    void reset() {
        next = shortest;
    }

    /** 4s, 1500ms: as the health page shows it. */
    static String describe(Duration pause) {
        return pause.toMillis() % 1000 == 0 ? pause.toSeconds() + "s" : pause.toMillis() + "ms";
    }
}
