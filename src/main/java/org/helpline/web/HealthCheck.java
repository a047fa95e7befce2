package org.helpline.web;

import java.util.function.Supplier;

/**
 * One dependency as /health reports it.
 *
 * @param essential without it the server cannot take contacts (the store); without a non-essential
 *                  one it works in part (telephony: chats still flow, calls go to Asterisk's fallback)
 */
public record HealthCheck(String name, boolean essential, Supplier<Status> status) {

    /** Up, or down with a reason a person can act on. */
    public record Status(boolean up, String reason) {
        public static Status ok() {
            return new Status(true, null);
        }

        public static Status down(String reason) {
            return new Status(false, reason);
        }
    }
}
