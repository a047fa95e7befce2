package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the server takes for a browser phone's registration, from Asterisk's events and from its list after an outage. */
@DisplayName("browser phone registrations")
class PhoneRegistrationsTest {
    private static final String PHONE = "123456789012";
    private static final String CONTACT = "sip:3l1qcnhh@7pn6fqi9cs2k.invalid;transport=ws";

    private final PhoneRegistrations registrations = new PhoneRegistrations();

    @Test
    void theListReadAfterAnOutageChangesWhatTheEventsSaid() {
        assertThat(registrations.heard(PHONE, CONTACT, "NonQualified")).contains(true);
        long asked = registrations.asking();
        assertThat(registrations.listed(PHONE, Set.of(), asked)).as("lapsed during the outage").contains(false);
        assertThat(registrations.listed(PHONE, Set.of(), registrations.asking())).as("no news").isEmpty();
        assertThat(registrations.listed(PHONE, Set.of(CONTACT), registrations.asking())).as("back").contains(true);
    }

    @Test
    void anEventHeardAfterTheListWasAskedForIsNewerThanTheList() {
        long asked = registrations.asking();
        assertThat(registrations.heard(PHONE, CONTACT, "NonQualified")).contains(true); // registered as the list was made
        assertThat(registrations.listed(PHONE, Set.of(), asked)).isEqualTo(Optional.empty());
        assertThat(registrations.heard(PHONE, CONTACT, "Removed")).as("still registered until then").contains(false);
    }

    @Test
    void aContactThatNoLongerAnswersCountsAsGone() {
        assertThat(PhoneRegistrations.alive("Unreachable")).isFalse();
        assertThat(PhoneRegistrations.alive("Removed")).isFalse();
        assertThat(PhoneRegistrations.alive("Reachable")).isTrue();
        assertThat(PhoneRegistrations.alive("NonQualified")).isTrue();
        assertThat(PhoneRegistrations.alive("Unknown")).isTrue();
    }
}
