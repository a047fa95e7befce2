package org.helpline.core;

import java.time.Duration;

/** Every change the router makes, published on the event bus after the store has recorded it. */
public sealed interface HelplineEvent {

    /** One transition of one contact; the new state is {@code contact.state()}. */
    record ContactChanged(Contact contact, ChangeReason reason) implements HelplineEvent {}

    record OperatorChanged(Operator operator, ChangeReason reason) implements HelplineEvent {}

    /** An URGENT contact has waited longer than the configured threshold (raised once per contact). */
    record UrgentContactWaiting(Contact contact, Duration waited) implements HelplineEvent {}
}
