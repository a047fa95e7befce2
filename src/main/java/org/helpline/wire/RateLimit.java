package org.helpline.wire;

import java.time.Clock;

/** A token bucket: {@code burst} messages at once, refilled at {@code perSecond}. Not thread-safe. */
public final class RateLimit {
    private final Clock clock;
    private final double burst;
    private final double perSecond;
    private double tokens;
    private long lastNanos;

    public RateLimit(Clock clock, int burst, int perSecond) {
        this.clock = clock;
        this.burst = burst;
        this.perSecond = perSecond;
        this.tokens = burst;
        this.lastNanos = nanos();
    }

    public boolean tryTake() {
        long now = nanos();
        tokens = Math.min(burst, tokens + (now - lastNanos) / 1e9 * perSecond);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }

    private long nanos() {
        var instant = clock.instant();
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
