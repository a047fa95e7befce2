package org.helpline.telephony;

/**
 * How one link with Asterisk is doing, for /health.
 *
 * @param reason why it is down, in words a person can act on; null while up
 */
public record TelephonyStatus(boolean up, String reason) {

    static TelephonyStatus ok() {
        return new TelephonyStatus(true, null);
    }

    static TelephonyStatus down(String reason) {
        return new TelephonyStatus(false, reason);
    }
}
