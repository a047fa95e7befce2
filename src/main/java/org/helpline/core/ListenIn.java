package org.helpline.core;

import java.util.Objects;

/**
 * A supervisor asks to hear a call in conversation on their own phone, sent on {@link Addresses#LISTEN_IN}
 * to the telephony room. The reply is {@code true} once Asterisk has the call to the supervisor's phone in
 * hand, or a {@link RejectedCommand} with its code.
 *
 * @param endpoint the PJSIP endpoint (digits) of the supervisor's phone
 */
public record ListenIn(String contactId, String endpoint, Mode mode) {

    public enum Mode {
        /** Hear both sides; nobody hears the supervisor. */
        LISTEN,
        /** Hear both sides and speak to the operator only (coaching); the caller hears nothing of it. */
        WHISPER,
        /** Join the conversation: both sides hear the supervisor. */
        BARGE
    }

    public ListenIn {
        Objects.requireNonNull(contactId, "contactId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(mode, "mode");
    }
}
