package org.helpline.core;

/** Event-bus addresses. Commands are point-to-point with a reply; events are published to all. */
public final class Addresses {
    public static final String COMMANDS = "helpline.commands";
    public static final String CONTACT_EVENTS = "helpline.events.contact";
    public static final String OPERATOR_EVENTS = "helpline.events.operator";
    public static final String ALERTS = "helpline.events.alert";

    private Addresses() {
    }

    public static String of(HelplineEvent event) {
        return switch (event) {
            case HelplineEvent.ContactChanged c -> CONTACT_EVENTS;
            case HelplineEvent.OperatorChanged o -> OPERATOR_EVENTS;
            case HelplineEvent.UrgentContactWaiting u -> ALERTS;
        };
    }
}
