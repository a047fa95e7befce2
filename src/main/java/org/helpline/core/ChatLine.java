package org.helpline.core;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a web chat as it travels inside the server (local codec only): from the chat room to
 * the console of the operator who holds the contact, and back.
 *
 * @param seq    its place in the conversation, from 1, one sequence for both sides
 * @param sentAt when the server accepted it
 */
public record ChatLine(String contactId, long seq, Speaker from, String text, Instant sentAt) {

    public enum Speaker { CALLER, OPERATOR }

    public ChatLine {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(sentAt, "sentAt");
    }

    /** Leaves the text out, so that logging a line never writes what someone said. */
    @Override
    public String toString() {
        return "ChatLine[contactId=" + contactId + ", seq=" + seq + ", from=" + from + "]";
    }
}
