package org.helpline.core;

import java.util.Objects;

/** What a channel knows about a contact when it arrives: no personal data, only how to route it. */
public record NewContact(Channel channel, String language, String topic, Priority priority, String channelRef) {
    public NewContact {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(priority, "priority");
        topic = topic == null || topic.isBlank() ? "unknown" : topic;
    }
}
