package org.helpline.config;

import java.time.Duration;

/**
 * The supervisor view ({@code /supervisor/}, socket {@code /supervisor/ws}) and its figures.
 *
 * @param serviceLevelThreshold a contact answered within this counts towards the service level
 * @param longestWaitAlert      a contact waiting longer than this raises an alert
 * @param updateInterval        the stream sends each supervisor at most one update per interval; a change
 *                              shows at the latest one interval later
 */
public record SupervisionConfig(Duration serviceLevelThreshold, Duration longestWaitAlert, Duration updateInterval) {
    private static final Duration SHORTEST_UPDATE = Duration.ofMillis(100);
    private static final Duration LONGEST_UPDATE = Duration.ofSeconds(1);

    public SupervisionConfig {
        serviceLevelThreshold = serviceLevelThreshold == null ? Duration.ofSeconds(20) : serviceLevelThreshold;
        longestWaitAlert = longestWaitAlert == null ? Duration.ofMinutes(2) : longestWaitAlert;
        updateInterval = updateInterval == null ? Duration.ofMillis(900) : updateInterval;
    }

    public static SupervisionConfig defaults() {
        return new SupervisionConfig(null, null, null);
    }

    void validate() {
        Check.positive(serviceLevelThreshold, "supervision.serviceLevelThreshold");
        Check.positive(longestWaitAlert, "supervision.longestWaitAlert");
        Check.that(updateInterval.compareTo(SHORTEST_UPDATE) >= 0 && updateInterval.compareTo(LONGEST_UPDATE) <= 0,
                "supervision.updateInterval", "must be between 100ms and 1s (every change must show within a second)");
    }
}
