package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.helpline.config.ConfigException;
import org.helpline.config.ConfigLoader;
import org.helpline.config.HelplineConfig;
import org.helpline.config.TelephonyConfig;
import org.helpline.core.OpeningHours;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("telephony settings")
class TelephonySettingsTest {
    private final ConfigLoader loader = new ConfigLoader(name -> null);

    @Test
    void defaultsMatchWhatTheClosedMessageTellsCallers() {
        TelephonyConfig telephony = HelplineConfig.defaults().telephony();
        OpeningHours hours = telephony.openingHours().hours();

        assertThat(hours.isOpenAt(Instant.parse("2026-11-23T06:00:00Z"))).as("Monday 08:00 Bucharest").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-23T14:00:00Z"))).as("Monday 16:00 Bucharest").isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-28T10:00:00Z"))).as("Saturday").isFalse();
        assertThat(telephony.averageCallTime()).isEqualTo(Duration.ofMinutes(6));
        assertThat(telephony.agi().replyTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(telephony.agi().maxScripts()).isEqualTo(500);
        assertThat(telephony.repeatCallers().enabled()).isFalse();
    }

    @Test
    void theShippedConfigurationFileIsTheDefault() {
        HelplineConfig shipped = loader.load(Path.of("config/helpline.yaml"));

        assertThat(shipped.telephony()).isEqualTo(HelplineConfig.defaults().telephony());
    }

    @Test
    void readsHoursAndHolidaysAsWritten() {
        HelplineConfig config = loader.parse("""
                telephony:
                  openingHours:
                    zone: Europe/Bucharest
                    weekly: { saturday: "10:00-12:00, 13:00-14:00" }
                    holidays: ["2026-11-28", "12-25"]
                """, "test");
        OpeningHours hours = config.telephony().openingHours().hours();

        assertThat(hours.isOpenAt(Instant.parse("2026-12-05T08:30:00Z"))).as("Saturday 10:30").isTrue();
        assertThat(hours.isOpenAt(Instant.parse("2026-12-05T10:30:00Z"))).as("Saturday 12:30").isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-28T08:30:00Z"))).as("holiday").isFalse();
        assertThat(hours.isOpenAt(Instant.parse("2026-11-23T08:30:00Z"))).as("Monday is not listed").isFalse();
    }

    @Test
    void namesTheSettingAtFault() {
        assertThatThrownBy(() -> loader.parse("telephony: { openingHours: { weekly: { monday: 8-4 } } }", "test"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("telephony.openingHours.weekly.monday:");
        assertThatThrownBy(() -> loader.parse("telephony: { openingHours: { weekly: { someday: \"08:00-16:00\" } } }", "test"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("telephony.openingHours.weekly.someday:");
        assertThatThrownBy(() -> loader.parse("telephony: { openingHours: { zone: Mars/Olympus } }", "test"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("telephony.openingHours.zone:");
        assertThatThrownBy(() -> loader.parse("telephony: { openingHours: { holidays: [christmas] } }", "test"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("telephony.openingHours.holidays:");
    }

    @Test
    void repeatCallerDetectionNeedsAKeyFromTheEnvironment() {
        assertThatThrownBy(() -> loader.parse("telephony: { repeatCallers: { enabled: true } }", "test"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("telephony.repeatCallers.keys:");
        assertThatThrownBy(() -> loader.parse("telephony: { repeatCallers: { enabled: true, currentKey: k1, "
                + "keys: { k1: c2VjcmV0 } } }", "test"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("telephony.repeatCallers.keys.k1:")
                .hasMessageContaining("never the key itself");
        assertThatThrownBy(() -> loader.parse("telephony: { repeatCallers: { enabled: true, currentKey: k2, "
                + "keys: { k1: \"${K1:-MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=}\" } } }", "test"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("telephony.repeatCallers.currentKey:");
        assertThatThrownBy(() -> loader.parse("telephony: { repeatCallers: { enabled: true, currentKey: k1, "
                + "keys: { k1: \"${K1:-c2hvcnQ=}\" } } }", "test"))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith("telephony.repeatCallers.keys.k1:")
                .hasMessageContaining("at least 32");
        assertThat(loader.parse("telephony: { repeatCallers: { enabled: true, currentKey: k1, "
                + "keys: { k1: \"${K1:-MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=}\" } } }", "test")
                .telephony().repeatCallers().enabled()).isTrue();
    }
}
