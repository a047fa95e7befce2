package org.helpline.config;

import java.time.Duration;
import java.util.List;

import org.helpline.core.RoutingRules;

/**
 * @param disconnectGrace an available operator with no console open this long is paused
 * @param outcomes        wrap-up outcome codes an operator may choose
 */
public record RoutingConfig(Duration offerTimeout, Duration wrapUpTime, Duration urgentAlertAfter,
                            Integer missedOffersBeforePause, Integer chatCapacity, Duration tickInterval,
                            Duration disconnectGrace, List<String> outcomes) {
    public RoutingConfig {
        offerTimeout = offerTimeout == null ? Duration.ofSeconds(20) : offerTimeout;
        wrapUpTime = wrapUpTime == null ? Duration.ofSeconds(30) : wrapUpTime;
        urgentAlertAfter = urgentAlertAfter == null ? Duration.ofSeconds(30) : urgentAlertAfter;
        missedOffersBeforePause = missedOffersBeforePause == null ? 2 : missedOffersBeforePause;
        chatCapacity = chatCapacity == null ? 3 : chatCapacity;
        tickInterval = tickInterval == null ? Duration.ofMillis(250) : tickInterval;
        disconnectGrace = disconnectGrace == null ? Duration.ofSeconds(30) : disconnectGrace;
        outcomes = outcomes == null
                ? List.of("advice_given", "information_given", "referred", "emergency_services", "silent",
                        "wrong_number", "abusive", "other")
                : List.copyOf(outcomes);
    }

    public RoutingRules rules() {
        return new RoutingRules(offerTimeout, wrapUpTime, urgentAlertAfter, missedOffersBeforePause);
    }

    void validate() {
        Check.positive(offerTimeout, "routing.offerTimeout");
        Check.positive(wrapUpTime, "routing.wrapUpTime");
        Check.positive(urgentAlertAfter, "routing.urgentAlertAfter");
        Check.positive(tickInterval, "routing.tickInterval");
        Check.positive(disconnectGrace, "routing.disconnectGrace");
        Check.that(missedOffersBeforePause >= 1, "routing.missedOffersBeforePause", "must be at least 1");
        Check.that(chatCapacity >= 1 && chatCapacity <= 10, "routing.chatCapacity", "must be between 1 and 10");
        Check.that(!outcomes.isEmpty(), "routing.outcomes", "list at least one outcome code");
        outcomes.forEach(o -> Check.that(o.matches("[a-z][a-z0-9_]*"), "routing.outcomes",
                "'" + o + "' must be lower-case letters, digits and underscores"));
    }
}
