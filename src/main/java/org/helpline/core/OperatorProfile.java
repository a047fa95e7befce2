package org.helpline.core;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the account says about an operator: languages and channels they take, how many chats at once,
 * and the PJSIP endpoint of their phone (null when they take no calls), or {@value #BROWSER_PHONE} when they
 * answer calls in the console.
 */
public record OperatorProfile(String id, Set<String> languages, Set<Channel> channels, int chatCapacity,
                              String endpoint) {
    /** The endpoint of an account whose phone is the console's browser phone. */
    public static final String BROWSER_PHONE = "browser";

    public OperatorProfile {
        Objects.requireNonNull(id, "id");
        languages = Set.copyOf(languages);
        channels = Set.copyOf(channels);
        if (chatCapacity < 1) {
            throw new IllegalArgumentException("chatCapacity must be at least 1");
        }
    }

    public boolean usesBrowserPhone() {
        return BROWSER_PHONE.equals(endpoint);
    }

    /** The same operator taking chats only: while their browser phone does not work. */
    public OperatorProfile withoutCalls() {
        return new OperatorProfile(id, languages, channels.stream().filter(c -> c != Channel.CALL)
                .collect(Collectors.toUnmodifiableSet()), chatCapacity, endpoint);
    }
}
