package org.helpline.core;

/** Event-bus addresses. Commands are point-to-point with a reply; events are published to all. */
public final class Addresses {
    public static final String COMMANDS = "helpline.commands";
    public static final String CONTACT_EVENTS = "helpline.events.contact";
    public static final String OPERATOR_EVENTS = "helpline.events.operator";
    public static final String ALERTS = "helpline.events.alert";
    /** Console → chat room: {@link ChatRequest}s, point-to-point. */
    public static final String CHAT_REQUESTS = "helpline.chat.requests";
    /** Chat room → the consoles of the operator holding a chat: {@link ChatEvent}s, point-to-point. */
    public static final String CHAT_EVENTS = "helpline.chat.events";
    /** Supervision → telephony: {@link ListenIn} requests, point-to-point. */
    public static final String LISTEN_IN = "helpline.telephony.spy";
    /** Referral desk → statistics: a JSON {@code {outcome, route}} for each referral decision, published. */
    public static final String REFERRAL_EVENTS = "helpline.events.referral";
    /**
     * Referral desk → supervision: a JSON {@code {reference, route, partner, partnerName, attempts, state, trouble,
     * since, noticed}} each time a delivery changes ({@code trouble}: none, retrying, given_up; {@code state} also
     * erased or forgotten when the record goes), published. No content, no operator.
     */
    public static final String REFERRAL_DELIVERIES = "helpline.events.referral-delivery";
    /** Ask the referral desk for the deliveries in trouble: the reply is a JSON array of those bodies. */
    public static final String REFERRAL_DELIVERIES_ASK = "helpline.referral.deliveries";
    /**
     * Supervision → referral desk: JSON {@code {reference}}, a supervisor saw the delivery's trouble; the reply is its
     * delivery body, or a failure 404 for an unknown reference or 409 when it is not in trouble.
     */
    public static final String REFERRAL_NOTICE = "helpline.referral.notice";
    /**
     * Telephony → supervision: JSON {@code {ami: {up, reason}, agi: {up, reason}, fallbacks, lastFallbackAt}} whenever
     * it changes ({@code fallbacks}: calls the server sent to the fallback queue since it started), published.
     */
    public static final String PHONE_LINE = "helpline.events.phone-line";
    /** Ask telephony how the phone line is: the reply is a {@code PHONE_LINE} body. */
    public static final String PHONE_LINE_ASK = "helpline.telephony.phone-line";
    /** Telephony → repeat callers: a JSON {@code {contactId, digests}} of keyed caller-id hashes, point-to-point. */
    public static final String CALLER_SEEN = "helpline.callers.seen";
    /** Repeat callers → consoles: a JSON {@code {contactId, calledBefore, withinDays}}, published once per call. */
    public static final String CALLER_HISTORY = "helpline.events.caller-history";
    /** Ask whether a call's caller called before: JSON {@code {contactId}}; the reply is a {@code CALLER_HISTORY} body. */
    public static final String CALLER_HISTORY_ASK = "helpline.callers.history";
    /**
     * Console → telephony: JSON {@code {operatorId, want}}, point-to-point. {@code want: true} issues the operator a
     * browser phone for this console session (the reply holds its SIP address, password and WebSocket); false revokes it.
     */
    public static final String BROWSER_PHONE = "helpline.telephony.browser-phone";
    /**
     * Telephony → consoles: JSON {@code {operatorId, endpoint, registered}}, published when Asterisk drops the last
     * registration of an issued browser phone or finds it unreachable ({@code false}), and when it registers again.
     */
    public static final String BROWSER_PHONE_EVENTS = "helpline.events.browser-phone";

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
