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

    /**
     * Before transferring a chat they hold, the operator leaves a note and the case for the next one (each
     * may be null); it replaces any earlier hand-over of the chat. The reply is the request itself.
     */
    record HandOver(String operatorId, String contactId, String note, String caseState) implements ChatRequest {
        @Override
        public String toString() {
            return "HandOver[operatorId=" + operatorId + ", contactId=" + contactId + "]";
        }
    }

    /**
     * A supervisor's private note to the operator holding the chat ({@code operatorId}): shown on that operator's
     * consoles only, never to the caller, never kept. The reply is the request itself.
     */
    record Whisper(String operatorId, String contactId, String supervisorName, String text) implements ChatRequest {
        @Override
        public String toString() {
            return "Whisper[operatorId=" + operatorId + ", contactId=" + contactId + "]";
        }
    }

    /**
     * A supervisor joins the chat the operator ({@code operatorId}) holds and writes to the caller, who sees it as
     * the helpline's; the operator sees it under the supervisor's name. The reply is the {@link ChatLine} once
     * recorded, as for {@link Say}.
     */
    record Join(String operatorId, String contactId, String supervisor, String supervisorName, String text)
            implements ChatRequest {
        @Override
        public String toString() {
            return "Join[operatorId=" + operatorId + ", contactId=" + contactId + ", supervisor=" + supervisor + "]";
        }
    }

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
