package org.helpline.config;

import java.time.Duration;

/** Validation helpers that name the key at fault. */
final class Check {
    private Check() {
    }

    static void that(boolean condition, String key, String problem) {
        if (!condition) {
            throw new ConfigException(key, problem);
        }
    }

    static void positive(Duration value, String key) {
        that(!value.isNegative() && !value.isZero(), key, "must be longer than zero");
    }

    static void port(int port, String key) {
        that(port >= 0 && port <= 65535, key, "must be a port number between 0 and 65535");
    }

    static void notBlank(String value, String key) {
        that(value != null && !value.isBlank(), key, "must not be empty");
    }
}
