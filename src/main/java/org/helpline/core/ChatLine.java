package org.helpline.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a web chat as it travels inside the server (local codec only): from the chat room to
 * the console of the operator who holds the contact, and back.
 *
 * @param seq    its place in the conversation, from 1, one sequence for both sides
 * @param sentAt       when the server accepted it
 * @param operatorId   who wrote an operator's line (null for the caller's): after a transfer, not always the holder
 * @param operatorName that operator's display name when they wrote it
 */
public record ChatLine(String contactId, long seq, Speaker from, String text, Instant sentAt, String operatorId,
                       String operatorName) {
    /** An operator line a supervisor wrote, having joined the chat, has this before their account name as its author. */
    public static final String SUPERVISOR = "supervisor:";

    public enum Speaker { CALLER, OPERATOR }

    /** Whether an author id is a supervisor's who joined the chat (the caller sees the line as the helpline's). */
    public static boolean bySupervisor(String operatorId) {
        return operatorId != null && operatorId.startsWith(SUPERVISOR);
    }

    public ChatLine {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** A line without an author (the caller's). */
    public ChatLine(String contactId, long seq, Speaker from, String text, Instant sentAt) {
        this(contactId, seq, from, text, sentAt, null, null);
    }

    /** Leaves the text out, so that logging a line never writes what someone said. */
    @Override
    public String toString() {
        return "ChatLine[contactId=" + contactId + ", seq=" + seq + ", from=" + from + "]";
    }
}
