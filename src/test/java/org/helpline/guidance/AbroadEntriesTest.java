package org.helpline.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The entries every country abroad shows alike are kept once, in abroad.yaml, and shown by every country. */
@DisplayName("entries shared by every country abroad")
class AbroadEntriesTest {
    private static final Guidance SHIPPED = GuidanceLibrary.load(GuidanceFolder.SHIPPED);

    @TempDir
    Path dir;

    @Test
    void everyCountryAbroadShowsTheHelplineFromAbroadAndTheMinistrysCentreThroughItsOwnMission() {
        List<Country> abroad = SHIPPED.countries().values().stream().filter(c -> !c.code().equals("RO")).toList();
        assertThat(abroad).hasSize(17).allSatisfy(country -> {
            String code = country.code().toLowerCase(Locale.ROOT);
            assertThat(country.options().get(0).kind()).as(code).isEqualTo("emergency");
            assertThat(country.options().get(1)).as(code).satisfies(line -> {
                assertThat(line.id()).isEqualTo(code + "_anitp_abroad");
                assertThat(line.phone()).isEqualTo("+40 21 313 3100");
                assertThat(line.message().in("en", "en")).isEqualTo("From abroad you can call us on +40 21 313 3100 or write to us on the chat.");
            });
            Text mission = country.of("embassy").getFirst().city();
            assertThat(country.options().get(2)).as(code).satisfies(centre -> {
                assertThat(centre.id()).isEqualTo(code + "_mfa_24_7");
                assertThat(centre.verified()).isTrue();
                assertThat(centre.message().in("en", "en")).contains(" in " + mission.in("en", "en") + " (the numbers are on ").doesNotContain("{");
                assertThat(centre.message().in("ro", "ro")).contains(" la " + mission.in("ro", "ro") + " (numerele sunt pe ").doesNotContain("{");
            });
        });
        assertThat(SHIPPED.country("FR").orElseThrow().option("fr_mfa_24_7").orElseThrow().message().in("en", "en"))
                .isEqualTo("The Romanian foreign ministry's contact centre answers 24/7: call the switchboard of the Romanian "
                        + "Consulate General in Paris (the numbers are on mae.ro) and the call is forwarded to it.");
        assertThat(SHIPPED.country("RO").orElseThrow().options()).extracting(Country.ExitOption::id)
                .doesNotContain("ro_anitp_abroad", "ro_mfa_24_7");
    }

    @Test
    void aSharedTextNeedingAValueTheCountryLacksIsRefusedNamingFileAndEntryAndTheLastGoodStays() {
        GuidanceFolder folder = GuidanceFolder.copyOfShipped(dir);
        GuidanceLibrary library = GuidanceLibrary.open(dir);
        Guidance good = library.current();

        folder.edit("countries/dk.yaml", "  missionSite: { ro: \"mae.ro\", en: \"mae.ro\" }\n", "");

        InvalidGuidance refused = catchThrowableOfType(InvalidGuidance.class, library::reload);
        assertThat(refused.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                dir.resolve("countries/dk.yaml") + ": abroad.missionSite is missing: abroad.yaml's entry 'mfa_24_7' (shown here as "
                        + "dk_mfa_24_7) writes {missionSite} in its message (ro)",
                dir.resolve("countries/dk.yaml") + ": abroad.missionSite is missing: abroad.yaml's entry 'mfa_24_7' (shown here as "
                        + "dk_mfa_24_7) writes {missionSite} in its message (en)");
        assertThat(library.current()).isSameAs(good);
        assertThat(library.current().country("DK").orElseThrow().option("dk_mfa_24_7").orElseThrow().message().in("en", "en"))
                .contains("the Romanian embassy in Copenhagen (the numbers are on mae.ro)");
    }

    @Test
    void aValueNoSharedTextNamesIsRefusedAsATypo() {
        GuidanceFolder folder = GuidanceFolder.copyOfShipped(dir);
        folder.edit("countries/no.yaml", "  mission: {", "  misson: {");

        assertThat(catchThrowableOfType(InvalidGuidance.class, () -> GuidanceLibrary.load(dir)).problems())
                .extracting(Problem::toString).contains(
                        dir.resolve("countries/no.yaml") + ": abroad.misson: no entry of abroad.yaml writes {misson}",
                        dir.resolve("countries/no.yaml") + ": abroad.mission is missing: abroad.yaml's entry 'mfa_24_7' (shown here as "
                                + "no_mfa_24_7) writes {mission} in its message (en)");
    }

    @Test
    void aCountryFileMayNotCarryACopyOfASharedEntryAgain() {
        GuidanceFolder folder = GuidanceFolder.copyOfShipped(dir);
        String abroad = folder.read("abroad.yaml");
        String line = abroad.substring(abroad.indexOf("  - id: anitp_abroad"), abroad.indexOf("  - id: mfa_24_7"));
        folder.edit("countries/de.yaml", "  - id: de_switchboard", line.replace("id: anitp_abroad", "id: de_helpline_abroad")
                + line.replace("id: anitp_abroad", "id: de_anitp_abroad").replace("scrie pe chat.", "scrie.") + "  - id: de_switchboard");

        assertThat(catchThrowableOfType(InvalidGuidance.class, () -> GuidanceLibrary.load(dir)).problems())
                .extracting(Problem::toString).containsExactly(
                        dir.resolve("countries/de.yaml") + ": options[1] (de_helpline_abroad): is a copy of abroad.yaml's entry "
                                + "'anitp_abroad', which every country shows as de_anitp_abroad: delete it here and correct abroad.yaml instead",
                        dir.resolve("countries/de.yaml") + ": options[2] (de_anitp_abroad): has the id of abroad.yaml's entry "
                                + "'anitp_abroad', which every country shows: delete it here and correct abroad.yaml instead");
    }

    @Test
    void theSharedEntriesAreCheckedInTheirOwnFile() {
        GuidanceFolder folder = GuidanceFolder.copyOfShipped(dir);
        folder.edit("abroad.yaml", "    sourceType: secondary\n", "    sourceType: hearsay\n");

        assertThatThrownBy(() -> GuidanceLibrary.load(dir)).isInstanceOf(InvalidGuidance.class)
                .hasMessageContaining(dir.resolve("abroad.yaml") + ": options[0] (anitp_abroad): sourceType 'hearsay' must be one of");
    }
}
