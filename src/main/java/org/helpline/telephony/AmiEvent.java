package org.helpline.telephony;

/**
 * What the room needs to hear from Asterisk, copied out of Asterisk-Java's events: channel names and
 * dial outcomes only, never caller ids.
 */
sealed interface AmiEvent {

    /** A new AMI session is logged in; events since the last one may be lost. */
    record Connected() implements AmiEvent {}

    record Hangup(String channel) implements AmiEvent {}

    /** A Dial from {@code channel} to {@code destination} ended; {@code status} as DIALSTATUS (ANSWER, NOANSWER…). */
    record DialEnded(String channel, String destination, String status) implements AmiEvent {}

    record BridgeEntered(String channel) implements AmiEvent {}

    record BridgeLeft(String channel) implements AmiEvent {}
}
