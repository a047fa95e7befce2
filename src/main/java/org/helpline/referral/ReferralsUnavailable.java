package org.helpline.referral;

/** Referrals cannot be taken right now: switched off, or the store cannot keep them (503). */
public final class ReferralsUnavailable extends RuntimeException {
    private final String code;

    public ReferralsUnavailable(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
