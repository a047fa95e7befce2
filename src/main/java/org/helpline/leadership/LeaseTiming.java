package org.helpline.leadership;

import java.time.Duration;

/**
 * @param ttl        how long the lease lasts unless renewed: a dead active server is replaced after at most this
 * @param renewEvery how often the active server renews; it steps down by itself once {@code ttl - renewEvery}
 *                   passes without a renewal confirmed, so it has stopped before the lease can pass to another
 *                   (its own checks run every half {@code renewEvery}, which the margin covers)
 */
public record LeaseTiming(Duration ttl, Duration renewEvery) {

    /** A standby asks for the lease this often. */
    Duration poll() {
        return renewEvery.dividedBy(2);
    }

    /** How long after a renewal was sent, confirmed, the active server may still act. */
    Duration trust() {
        return ttl.minus(renewEvery);
    }
}
