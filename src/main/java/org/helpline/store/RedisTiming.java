package org.helpline.store;

import java.time.Duration;

/**
 * How long the Redis adapter waits, and how it backs off.
 *
 * @param reply        longest wait for a connection or for Redis to answer; a write not acknowledged by then fails
 * @param firstRetry   first pause before reconnecting; it doubles after each failure up to {@code longestRetry}, 1 s:
 *                     after a Sentinel failover (about 2.5 s) the store is back at most a second after the promotion,
 *                     within what a takeover may take, and one connection attempt a second costs a Redis that is
 *                     down nothing
 * @param heartbeat    how often an idle connection is checked, so that a silent Redis shows as down
 * @param closeWait    how long {@code close()} waits for pending writes
 */
record RedisTiming(Duration reply, Duration firstRetry, Duration longestRetry, Duration heartbeat, Duration closeWait) {
    static final RedisTiming DEFAULT = new RedisTiming(Duration.ofSeconds(2), Duration.ofMillis(100),
            Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));
}
