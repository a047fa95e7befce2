package org.helpline.core;

/** The life of a contact; CLOSED and ABANDONED are final and the contact is then forgotten. */
public enum ContactState {
    QUEUED, OFFERED, CONNECTED, WRAP_UP, CLOSED, ABANDONED;

    public boolean isFinal() {
        return this == CLOSED || this == ABANDONED;
    }

    /** Waiting for an operator: in the queue or being offered. */
    public boolean isWaiting() {
        return this == QUEUED || this == OFFERED;
    }
}
