package org.helpline.core;

import java.util.Objects;
import java.util.Set;

/**
 * What the account says about an operator: languages and channels they take, how many chats at once,
 * and the PJSIP endpoint of their phone (null when they take no calls).
 */
public record OperatorProfile(String id, Set<String> languages, Set<Channel> channels, int chatCapacity,
                              String endpoint) {
    public OperatorProfile {
        Objects.requireNonNull(id, "id");
        languages = Set.copyOf(languages);
        channels = Set.copyOf(channels);
        if (chatCapacity < 1) {
            throw new IllegalArgumentException("chatCapacity must be at least 1");
        }
    }
}
