package org.helpline.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the shipped guidance in config/guidance")
class GuidanceContentTest {
    private static final Guidance SHIPPED = GuidanceLibrary.load(GuidanceFolder.SHIPPED);

    @Test
    void passesEveryCheck() {
        assertThat(SHIPPED.index().languages()).containsExactly("ro", "en");
        assertThat(SHIPPED.scripts()).containsKeys("start", "before_departure", "contract", "travel", "abroad_trouble",
                "documents_taken", "unpaid_wages", "worried_other", "minor", "danger", "survivor_rights",
                "labour_rights", "in_romania", "referral_adult");
    }

    @Test
    void everyTextIsWrittenInRomanianAndEnglish() {
        List<Text> texts = Stream.of(
                SHIPPED.scripts().values().stream().flatMap(s -> Stream.concat(Stream.of(s.title()),
                        s.steps().stream().flatMap(step -> Stream.concat(Stream.of(step.text(), step.reply()),
                                step.answers().stream().map(Step.Answer::label))))),
                SHIPPED.indicatorGroups().stream().flatMap(g -> Stream.concat(Stream.of(g.title()),
                        g.indicators().stream().map(IndicatorGroup.Indicator::text))),
                SHIPPED.replies().stream().flatMap(r -> Stream.of(r.label(), r.text())),
                SHIPPED.countries().values().stream().flatMap(c -> Stream.concat(Stream.of(c.name()),
                        c.options().stream().flatMap(o -> Stream.of(o.name(), o.text())))))
                .flatMap(s -> s).filter(t -> t != null).toList();

        assertThat(texts).hasSizeGreaterThan(300)
                .allSatisfy(text -> assertThat(text.byLanguage()).containsOnlyKeys("ro", "en")
                        .allSatisfy((language, value) -> assertThat(value).isNotBlank()));
    }

    @Test
    void listsTheIloElevenAndTheSignsOfEachKindOfExploitation() {
        assertThat(SHIPPED.indicatorsOf("ilo")).hasSize(11)
                .contains("retention_of_documents", "debt_bondage", "excessive_overtime");
        assertThat(SHIPPED.indicatorGroups()).extracting(IndicatorGroup::id)
                .containsExactly("ilo", "sexual", "labour", "begging");
    }

    @Test
    void coversRomaniaAndEveryDestinationCountryOfTheResearch() {
        assertThat(SHIPPED.countries()).containsOnlyKeys("RO", "ES", "IT", "DE", "GB", "FR", "NL", "BE", "AT", "DK", "IE",
                "PT", "GR", "CY", "CZ", "PL", "NO", "CH");
        SHIPPED.countries().values().forEach(country -> {
            assertThat(country.of("emergency")).as(country.code() + " emergency").singleElement()
                    .satisfies(o -> assertThat(o.phone()).isNotBlank());
            if (!country.code().equals("RO")) {
                assertThat(country.of("helpline")).as(country.code()).singleElement()
                        .satisfies(o -> assertThat(o.phone()).isEqualTo("+40 21 313 3100"));
                assertThat(country.of("embassy")).as(country.code()).isNotEmpty()
                        .allSatisfy(o -> assertThat(o.city().in("en", "en")).isNotBlank());
            }
        });
        assertThat(SHIPPED.country("DE").orElseThrow().of("embassy")).extracting(o -> o.city().in("en", "en"))
                .containsExactly("Berlin", "Munich", "Bonn", "Stuttgart");
    }

    @Test
    void abroadTheMinistrys247CentreIsAlwaysAConfirmedRouteThroughTheMissionsSwitchboard() {
        SHIPPED.countries().values().stream().filter(c -> !c.code().equals("RO")).forEach(country -> {
            Country.ExitOption centre = country.option(country.code().toLowerCase(java.util.Locale.ROOT) + "_mfa_24_7").orElseThrow();
            assertThat(centre.verified()).as(country.code()).isTrue();
            assertThat(centre.hours().in("en", "en")).isEqualTo("24/7");
            assertThat(centre.message().in("en", "en")).contains("switchboard", "forwarded");
            assertThat(centre.message().in("ro", "ro")).contains("centrala", "24/7");
        });
    }

    @Test
    void everyContactEntryNamesItsSourceItsTypeAndTheDateItWasChecked() {
        SHIPPED.countries().values().stream().flatMap(c -> c.options().stream()).forEach(option -> {
            assertThat(option.source()).isNotBlank();
            assertThat(option.sourceType()).isIn(Country.ExitOption.SOURCE_TYPES);
            assertThat(option.sourceDate()).isNotBlank();
            assertThat(option.checked()).isEqualTo(LocalDate.of(2026, 12, 1));
            assertThat(option.message().byLanguage()).containsOnlyKeys("ro", "en");
        });
    }

    @Test
    void onlyOfficialSourcesAreShownAsCheckedAndWhatIsNotSaysWhereToCheckIt() {
        List<Country.ExitOption> all = SHIPPED.countries().values().stream().flatMap(c -> c.options().stream()).toList();
        assertThat(all).filteredOn(Country.ExitOption::verified).allSatisfy(o -> assertThat(o.sourceType()).isEqualTo("official"));
        assertThat(all).filteredOn(o -> !o.verified() && o.phone() != null).allSatisfy(o -> assertThat(o.checkAt()).isNotBlank());
        // Mission emergency lines are read only in press reprints of MAE communiqués: never shown as checked.
        assertThat(all).filteredOn(o -> o.kind().equals("embassy") && o.phone() != null)
                .isNotEmpty().allSatisfy(o -> assertThat(o.verified()).isFalse());
        // No page with the helpline's number from abroad was found, nor official hours of 0800 800 678.
        assertThat(all).filteredOn(o -> "+40 21 313 3100".equals(o.phone())).hasSize(18).allSatisfy(o -> assertThat(o.verified()).isFalse());
        assertThat(SHIPPED.country("RO").orElseThrow().option("ro_anitp").orElseThrow().verified()).isFalse();
    }

    @Test
    void keepsTheFactsOfTheResearch() {
        Country.ExitOption portugal = SHIPPED.country("PT").orElseThrow().option("pt_support_line").orElseThrow();
        assertThat(portugal.phone()).isEqualTo("964 608 288");
        assertThat(portugal.free()).isFalse();
        Country.ExitOption czech = SHIPPED.country("CZ").orElseThrow().option("cz_la_strada").orElseThrow();
        assertThat(czech.languages()).contains("ro");
        assertThat(czech.text().in("en", "en")).contains("Monday 10–16 (Czech, English, ROMANIAN");
        assertThat(SHIPPED.country("IT").orElseThrow().option("it_cg_bologna").orElseThrow().phone()).isEqualTo("+39 324 803 5171");
        assertThat(SHIPPED.country("BE").orElseThrow().option("be_embassy_bruxelles").orElseThrow().phone()).isEqualTo("+32 497 428 663");
        assertThat(SHIPPED.country("NO").orElseThrow().option("no_switchboard").orElseThrow().phone()).isEqualTo("+47 22 56 12 37");
        assertThat(SHIPPED.country("GB").orElseThrow().option("gb_999").orElseThrow().verified()).isTrue();
        assertThat(SHIPPED.country("DE").orElseThrow().option("de_faire_mobilitaet").orElseThrow())
                .satisfies(o -> assertThat(o.phone()).isEqualTo("0800 0005602"))
                .satisfies(o -> assertThat(o.languages()).containsExactly("ro"))
                .satisfies(o -> assertThat(o.verified()).isTrue());
    }

    @Test
    void theSentenceToInsertIsCleanInEachLanguage() {
        SHIPPED.countries().values().stream().flatMap(c -> c.options().stream()).forEach(option -> {
            String ro = option.message().in("ro", "ro");
            String en = option.message().in("en", "en");
            assertThat(ro).as(option.id()).endsWith(".").doesNotContain(" — ").isNotEqualTo(en);
            assertThat(en).as(option.id()).endsWith(".").doesNotContain(" — ");
            if (option.phone() != null && !option.kind().equals("foreign_ministry")) {
                assertThat(ro).as(option.id()).contains(option.phone());
                assertThat(en).as(option.id()).contains(option.phone());
            }
        });
        assertThat(SHIPPED.country("DE").orElseThrow().option("de_112").orElseThrow().message().in("ro", "ro"))
                .isEqualTo("Dacă sunteți în pericol, sunați la 112: apelul este gratuit de pe orice telefon, fix sau mobil.");
    }

    @Test
    void theOrdinaryLabourScriptNeverRefers() {
        Script labour = SHIPPED.script("labour_rights").orElseThrow();
        assertThat(labour.neverRefers()).isTrue();
        assertThat(labour.steps()).noneMatch(s -> s.type() == StepType.REFERRAL);
    }

    @Test
    void aContactStartsWithTheScriptForItsTopic() {
        assertThat(SHIPPED.scriptFor("abroad", false).id()).isEqualTo("abroad_trouble");
        assertThat(SHIPPED.scriptFor("unknown", false).id()).isEqualTo("start");
        assertThat(SHIPPED.scriptFor("abroad", true).id()).isEqualTo("danger");
    }
}
