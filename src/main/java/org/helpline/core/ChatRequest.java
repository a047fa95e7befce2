package org.helpline.core;

/**
 * What an operator's console asks of the chat room, sent on {@link Addresses#CHAT_REQUESTS}. A refusal
 * comes back as a {@link RejectedCommand} with its code, as from the router.
 */
public sealed interface ChatRequest {

    /**
     * The operator writes in a chat they hold; the reply is the {@link ChatLine} once recorded, with its seq,
     * or {@code unavailable} while the store cannot record it. {@code key} (0: none) is the console's number
     * for the message, the same each time it is sent: a message sent again is kept once.
     */
    record Say(String operatorId, String contactId, String text, long key) implements ChatRequest {}

    /** The operator is typing in a chat they hold; no reply. */
    record Typing(String operatorId, String contactId) implements ChatRequest {}

    /**
     * The conversation so far; the reply is a {@link ChatEvent.Transcript}.
     *
     * @param forHolder true for the console of the operator who holds the chat (the caller's messages then count
     *                  as delivered), false for a supervisor reading along
     */
    record Transcript(String operatorId, String contactId, boolean forHolder) implements ChatRequest {}

    /**
     * One of the operator's consoles opened; {@code displayName} is the name callers see (their account's
     * first name or alias). No reply.
     */
    record ConsoleOpened(String operatorId, String displayName) implements ChatRequest {}

    /** One of the operator's consoles closed. No reply. */
    record ConsoleClosed(String operatorId) implements ChatRequest {}
}
