package org.helpline.config;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Storage limitation and anonymous statistics ({@code org.helpline.privacy}, {@code org.helpline.statistics}).
 *
 * @param sweepEvery how often the retention sweeper runs: referral records past their retention, and values
 *                   past their time-to-live in the memory store (Redis expires its keys by itself)
 * @param statistics the anonymous daily counters
 * @param compactRedisEvery with Redis, how often the active server has it rewrite its append-only file and
 *                   snapshot, so that deleted and expired data leaves its files on disk within this time
 */
public record PrivacyConfig(Duration sweepEvery, StatisticsConfig statistics, Duration compactRedisEvery) {
    public PrivacyConfig {
        sweepEvery = sweepEvery == null ? Duration.ofMinutes(10) : sweepEvery;
        statistics = statistics == null ? new StatisticsConfig(null, null) : statistics;
        compactRedisEvery = compactRedisEvery == null ? Duration.ofMinutes(1) : compactRedisEvery;
    }

    public static PrivacyConfig defaults() {
        return new PrivacyConfig(null, null, null);
    }

    void validate() {
        Check.positive(sweepEvery, "privacy.sweepEvery");
        Check.positive(compactRedisEvery, "privacy.compactRedisEvery");
        statistics.validate();
    }

    /**
     * @param keepFor how long a day's counters are kept
     * @param zone    the time zone that decides which day a contact counts for
     */
    public record StatisticsConfig(Duration keepFor, String zone) {
        public StatisticsConfig {
            keepFor = keepFor == null ? Duration.ofDays(400) : keepFor;
            zone = zone == null ? "Europe/Bucharest" : zone;
        }

        public ZoneId zoneId() {
            return ZoneId.of(zone);
        }

        void validate() {
            Check.that(keepFor.compareTo(Duration.ofDays(1)) >= 0, "privacy.statistics.keepFor", "must be at least 1d");
            try {
                ZoneId.of(zone);
            } catch (DateTimeException e) {
                throw new ConfigException("privacy.statistics.zone", "'" + zone + "' is not a time zone such as Europe/Bucharest");
            }
        }
    }
}
