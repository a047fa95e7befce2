package org.helpline.supervision;

import java.time.Duration;

import org.helpline.core.Channel;

/** What one contact event added to today's figures; the Prometheus counters follow the same steps. */
sealed interface Counted {
    Channel channel();

    record Offered(Channel channel) implements Counted {}

    record Answered(Channel channel, Duration waited, boolean inThreshold) implements Counted {}

    record Abandoned(Channel channel, Duration waited) implements Counted {}

    record Handled(Channel channel, Duration handling) implements Counted {}
}
