package org.helpline.supervision;

import java.time.Duration;
import java.util.List;

import org.helpline.core.OpeningHours;

/**
 * What the supervisor room needs from the configuration ({@code supervision}, the languages, the opening hours).
 *
 * @param serviceLevelThreshold a contact answered within this counts towards the service level
 * @param longestWaitAlert      a contact waiting longer raises an alert
 * @param updateInterval        at most one update per supervisor per interval
 * @param openingHours          "today" is a day in their zone; nobody signed in while open raises an alert
 * @param languages             the languages a contact may be moved to
 */
public record ViewSettings(Duration serviceLevelThreshold, Duration longestWaitAlert, Duration updateInterval,
                           OpeningHours openingHours, List<String> languages) {
    public ViewSettings {
        languages = List.copyOf(languages);
    }
}
