package org.helpline.core;

/** A command the router refused, with a stable code that the channels pass on to their clients. */
public final class RejectedCommand extends RuntimeException {
    private final String code;

    public RejectedCommand(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }

    static RejectedCommand unknownContact(String id) {
        return new RejectedCommand("unknown_contact", "no contact " + id);
    }

    static RejectedCommand unknownOperator(String id) {
        return new RejectedCommand("unknown_operator", "operator " + id + " is not signed in");
    }

    static RejectedCommand wrongState(Contact contact, String action) {
        return new RejectedCommand("wrong_state", "cannot " + action + " a contact that is " + contact.state());
    }

    static RejectedCommand notYours(String action) {
        return new RejectedCommand("not_yours", "cannot " + action + " a contact that is not yours");
    }
}
