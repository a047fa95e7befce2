package org.helpline.core;

/**
 * What the channels ask of the router. Sent on {@link Addresses#COMMANDS}; the reply is the
 * {@link Contact} or {@link Operator} the command changed (or what it asked for), or a failure with a {@link RejectedCommand}.
 */
public sealed interface Command {

    /** A new call or chat joins the queue. */
    record Enqueue(NewContact contact) implements Command {}

    /** The caller hung up or closed the chat, wherever the contact is. */
    record Leave(String contactId) implements Command {}

    /** An operator becomes available, pauses or logs out; the profile comes from their account. */
    record SetPresence(OperatorProfile profile, Presence presence, String reason) implements Command {}

    /** A supervisor pauses or logs out an operator already signed in; the router keeps their profile. */
    record SetPresenceOf(String operatorId, Presence presence, String reason) implements Command {}

    /** A supervisor raises a waiting contact to URGENT; among URGENT contacts it keeps its arrival order. */
    record RaiseToUrgent(String contactId) implements Command {}

    /** A supervisor moves a contact waiting in the queue to another language; it keeps its place. */
    record MoveToLanguage(String contactId, String language) implements Command {}

    record Accept(String operatorId, String contactId) implements Command {}

    record Decline(String operatorId, String contactId) implements Command {}

    /** The offer was not taken up before the caller could be connected (e.g. the operator's phone rang out). */
    record MissOffer(String contactId) implements Command {}

    /**
     * The operator's phone dropped out of the call on this channel (its network or its audio died, not a hang-up):
     * the caller goes back to their old place in the queue and the operator takes no calls until their phone works
     * again (chats go on). The reply is the caller's {@link QueuePlace}.
     */
    record PhoneLost(String channelRef) implements Command {}

    /** The operator ends the conversation; their wrap-up starts. (A caller who ends it {@link Leave}s.) */
    record End(String operatorId, String contactId) implements Command {}

    record WrapUp(String operatorId, String contactId, String outcome) implements Command {}

    /**
     * The operator is still working on a contact in wrap-up (an unsent referral): its wrap-up ends
     * {@code routing.wrapUpTime} from now instead of closing under their hands.
     */
    record KeepWrappingUp(String operatorId, String contactId) implements Command {}

    /**
     * The operator hands a connected chat on: to another language ({@code language}, or null to keep it) and/or
     * to one operator ({@code toOperatorId}, or null for whoever the queue picks; the transferring operator is then
     * asked last). The chat goes back to its old place in the queue.
     */
    record Transfer(String operatorId, String contactId, String language, String toOperatorId) implements Command {}

    /** Asks where a contact is in the queue; the reply is a {@link QueuePlace}. Changes nothing. */
    record Locate(String contactId) implements Command {}

    /**
     * Asks where the call on this channel (its {@code channelRef}) is in the queue; the reply is a
     * {@link QueuePlace}. Changes nothing. The phone line knows a caller by channel only.
     */
    record LocateCall(String channelRef) implements Command {}

    /** Asks what an operator is doing now; the reply is an {@link OperatorWork}. Changes nothing. */
    record DescribeOperator(String operatorId) implements Command {}
}
