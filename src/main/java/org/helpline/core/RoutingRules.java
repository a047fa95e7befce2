package org.helpline.core;

import java.time.Duration;

/**
 * The router's settings.
 *
 * @param offerTimeout            how long an operator has to take an offer
 * @param wrapUpTime              how long the wrap-up lasts unless the operator finishes earlier
 * @param urgentAlertAfter        an URGENT contact waiting this long raises an alert
 * @param missedOffersBeforePause offers missed or declined in a row that pause the operator
 */
public record RoutingRules(Duration offerTimeout, Duration wrapUpTime, Duration urgentAlertAfter,
                           int missedOffersBeforePause) {
    public static final String MISSED_OFFERS_REASON = "missed offers";
    public static final String UNRECORDED_OUTCOME = "not_recorded";
}
