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

    record Accept(String operatorId, String contactId) implements Command {}

    record Decline(String operatorId, String contactId) implements Command {}

    /** The offer was not taken up before the caller could be connected (e.g. the operator's phone rang out). */
    record MissOffer(String contactId) implements Command {}

    /** The operator ends the conversation; their wrap-up starts. (A caller who ends it {@link Leave}s.) */
    record End(String operatorId, String contactId) implements Command {}

    record WrapUp(String operatorId, String contactId, String outcome) implements Command {}

    /** Asks where a contact is in the queue; the reply is a {@link QueuePlace}. Changes nothing. */
    record Locate(String contactId) implements Command {}

    /** Asks what an operator is doing now; the reply is an {@link OperatorWork}. Changes nothing. */
    record DescribeOperator(String operatorId) implements Command {}
}
