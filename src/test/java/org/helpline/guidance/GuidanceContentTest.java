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
    void coversRomaniaAndTheMainDestinationCountries() {
        assertThat(SHIPPED.countries()).containsOnlyKeys("RO", "DE", "IT", "ES", "GB", "FR", "NL", "BE", "AT");
        SHIPPED.countries().values().forEach(country -> {
            assertThat(country.of("emergency")).as(country.code() + " emergency").hasSize(1);
            if (!country.code().equals("RO")) {
                assertThat(country.of("helpline")).as(country.code()).singleElement()
                        .satisfies(o -> assertThat(o.phone()).isEqualTo("+40 21 313 3100"));
                assertThat(country.of("embassy")).as(country.code()).hasSize(1);
                assertThat(country.of("foreign_ministry")).as(country.code()).hasSize(1);
            }
        });
        assertThat(SHIPPED.country("DE").orElseThrow().of("worker_counselling")).singleElement()
                .satisfies(o -> assertThat(o.name().in("en", "en")).isEqualTo("Faire Mobilität"));
    }

    @Test
    void everyContactEntryNamesItsSourceAndTheDateItWasChecked() {
        SHIPPED.countries().values().stream().flatMap(c -> c.options().stream()).forEach(option -> {
            assertThat(option.source()).isNotBlank();
            assertThat(option.checked()).isEqualTo(LocalDate.of(2026, 11, 22));
            assertThat(option.verified()).isNotNull();
        });
    }

    @Test
    void givesNoEmbassyPhoneNumberAndMarksWhatIsNotConfirmed() {
        SHIPPED.countries().values().forEach(country -> {
            country.of("embassy").forEach(o -> assertThat(o.phone()).as(country.code() + " embassy").isNull());
            country.of("foreign_ministry").forEach(o -> assertThat(o.phone()).isNull());
        });
        Country uk = SHIPPED.country("GB").orElseThrow();
        assertThat(uk.of("emergency").getFirst().verified()).isFalse();
        assertThat(uk.of("child_line").getFirst().verified()).isFalse();
        assertThat(SHIPPED.country("DE").orElseThrow().of("child_line").getFirst().verified()).isFalse();
        assertThat(SHIPPED.country("RO").orElseThrow().of("child_line").getFirst())
                .satisfies(o -> assertThat(o.verified()).isTrue())
                .satisfies(o -> assertThat(o.phone()).isEqualTo("116 111"));
        SHIPPED.countries().values().stream().flatMap(c -> c.options().stream()).filter(o -> !o.verified())
                .forEach(o -> assertThat(o.text().in("en", "en") + o.source()).containsIgnoringCase("to be confirmed"));
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
