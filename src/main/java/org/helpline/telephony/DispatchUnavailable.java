package org.helpline.telephony;

/** The dispatch did not answer a script in time (or is not running): the dialplan falls back. */
final class DispatchUnavailable extends RuntimeException {
    DispatchUnavailable(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
