package org.helpline.wire;

/** A socket message that is well-formed JSON but not a valid request; the code goes back in the error. */
public final class BadRequest extends RuntimeException {
    private final String code;

    public BadRequest(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
