package org.helpline.supervision;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the last half hour, rolling: each step is counted in the minute it happened, and a minute
 * leaves the window thirty minutes later. So "the last 30 minutes" is the current minute and the 29 before it,
 * whatever the day. Minutes keep sums, never contacts: memory stays the same however busy the line is.
 * Single-threaded, like {@link DailyFigures}.
 */
final class RecentFigures {
    static final Duration WINDOW = Duration.ofMinutes(30);
    private static final long MINUTES = WINDOW.toMinutes();

    private final Clock clock;
    private final TreeMap<Long, Breakdown> minutes = new TreeMap<>();

    RecentFigures(Clock clock) {
        this.clock = clock;
    }

    void add(Counted counted) {
        minutes.computeIfAbsent(minuteNow(), m -> new Breakdown()).add(counted);
    }

    /** Lets minutes older than the window go; true if the figures changed. */
    boolean age() {
        Map<Long, Breakdown> old = minutes.headMap(minuteNow() - MINUTES, true);
        boolean changed = !old.isEmpty();
        old.clear();
        return changed;
    }

    /** The window's figures, summed now. */
    Breakdown sum() {
        age();
        Breakdown sum = new Breakdown();
        minutes.values().forEach(sum::addAll);
        return sum;
    }

    private long minuteNow() {
        return Math.floorDiv(clock.instant().getEpochSecond(), 60);
    }
}
