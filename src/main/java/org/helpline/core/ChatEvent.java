package org.helpline.core;

import java.time.Instant;
import java.util.List;

/**
 * What the chat room tells the consoles of the one operator who holds a chat, sent on
 * {@link Addresses#CHAT_EVENTS} (no reply: the chat room knows from {@link ChatRequest.ConsoleOpened}
 * and {@link ChatRequest.ConsoleClosed} whether that operator has a console open to receive it).
 */
public sealed interface ChatEvent {

    String operatorId();

    String contactId();

    /** A message of a chat the operator holds, the operator's own included (so all their consoles agree). */
    record Said(String operatorId, ChatLine line) implements ChatEvent {
        @Override
        public String contactId() {
            return line.contactId();
        }
    }

    record CallerTyping(String operatorId, String contactId) implements ChatEvent {}

    /** A supervisor's private note to the operator about this chat: for the operator's eyes only, never kept. */
    record Whisper(String operatorId, String contactId, String supervisorName, String text, Instant sentAt)
            implements ChatEvent {
        @Override
        public String toString() {
            return "Whisper[operatorId=" + operatorId + ", contactId=" + contactId + "]";
        }
    }

    /**
     * The caller's page went away (closed, reloaded, or its connection lost) or came back: the operator is
     * told at once, with the time the chat ends unless they return ({@code backBy}, null when connected).
     */
    record CallerConnection(String operatorId, String contactId, boolean connected, Instant backBy) implements ChatEvent {}

    /**
     * The whole conversation so far: when the operator accepts the chat, and when a console opens; with what
     * the previous operator left ({@code handOver}, null if the chat was not transferred with one).
     */
    record Transcript(String operatorId, String contactId, List<ChatLine> lines, HandOver handOver) implements ChatEvent {
        public Transcript {
            lines = List.copyOf(lines);
        }
    }
}
