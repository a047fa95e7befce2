package org.helpline.telephony;

/**
 * What the room needs to hear from Asterisk, copied out of Asterisk-Java's events: channel names, dial
 * outcomes and phones' registrations only, never caller ids.
 */
sealed interface AmiEvent {

    /** A new AMI session is logged in; events since the last one may be lost. */
    record Connected() implements AmiEvent {}

    record Hangup(String channel) implements AmiEvent {}

    /** A Dial from {@code channel} to {@code destination} ended; {@code status} as DIALSTATUS (ANSWER, NOANSWER…). */
    record DialEnded(String channel, String destination, String status) implements AmiEvent {}

    record BridgeEntered(String channel) implements AmiEvent {}

    record BridgeLeft(String channel) implements AmiEvent {}

    /**
     * A registration (contact) of an aor came, went or stopped answering: ContactStatus, whose {@code status} is
     * NonQualified (new), Reachable, Unreachable, Unknown or Removed. {@code contact} is the contact's URI (for a
     * browser phone a random name, no address), never logged.
     */
    record PhoneContact(String aor, String contact, String status) implements AmiEvent {}
}
