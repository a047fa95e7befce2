package org.helpline.supervision;

import java.time.Duration;

import org.helpline.core.Channel;

/** What one contact event added to today's figures; the Prometheus counters follow the same steps. */
sealed interface Counted {
    Channel channel();

    /** The contact's language (a configured code, never anything the caller typed). */
    String language();

    record Offered(Channel channel, String language) implements Counted {}

    record Answered(Channel channel, String language, Duration waited, boolean inThreshold) implements Counted {}

    record Abandoned(Channel channel, String language, Duration waited) implements Counted {}

    record Handled(Channel channel, String language, Duration handling) implements Counted {}
}
