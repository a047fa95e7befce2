package org.helpline.core;

/**
 * What the channels ask of the router. Sent on {@link Addresses#COMMANDS}; the reply is the
 * {@link Contact} or {@link Operator} the command changed, or a failure with a {@link RejectedCommand}.
 */
public sealed interface Command {

    /** A new call or chat joins the queue. */
    record Enqueue(NewContact contact) implements Command {}

    /** The caller hung up or closed the chat, wherever the contact is. */
    record Leave(String contactId) implements Command {}

    /** An operator becomes available, pauses or logs out; the profile comes from their account. */
    record SetPresence(OperatorProfile profile, Presence presence, String reason) implements Command {}

    record Accept(String operatorId, String contactId) implements Command {}

    record Decline(String operatorId, String contactId) implements Command {}

    /** The offer was not taken up before the caller could be connected (e.g. the operator's phone rang out). */
    record MissOffer(String contactId) implements Command {}

    /** The conversation is over (either side); the operator's wrap-up starts. */
    record End(String contactId) implements Command {}

    record WrapUp(String operatorId, String contactId, String outcome) implements Command {}
}
