package org.helpline.referral;

/**
 * A referral request that cannot be used; {@code code} is the error code the API answers with (400), {@code field}
 * the request field at fault (e.g. {@code summary}, {@code reach.value}), so a form can show the problem beside it.
 */
public final class InvalidReferral extends RuntimeException {
    private final String code;
    private final String field;

    public InvalidReferral(String code, String field, String message) {
        super(message, null, false, false);
        this.code = code;
        this.field = field;
    }

    public String code() {
        return code;
    }

    public String field() {
        return field;
    }
}
