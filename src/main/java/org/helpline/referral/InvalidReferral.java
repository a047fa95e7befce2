package org.helpline.referral;

/** A referral request that cannot be used; {@code code} is the error code the API answers with (400). */
public final class InvalidReferral extends RuntimeException {
    private final String code;

    public InvalidReferral(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
