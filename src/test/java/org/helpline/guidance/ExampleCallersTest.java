package org.helpline.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seven example callers of the helpline's domain notes, each walked through the script they take,
 * with the answers they give and the signs the operator ticks: which exit options come up, for which
 * country, and whether referral applies.
 */
@DisplayName("the example callers' paths through the scripts")
class ExampleCallersTest {
    private static final Guidance GUIDANCE = GuidanceLibrary.load(GuidanceFolder.SHIPPED);

    private static ScriptWalk walk(String script, List<String> answers, String... ticked) {
        ScriptWalk walk = ScriptWalk.follow(GUIDANCE, script, answers, Set.of(ticked));
        assertThat(walk.finished()).as("reaches an end: " + walk.visited()).isTrue();
        return walk;
    }

    /** The phone numbers the operator sees for these kinds in this country. */
    private static List<String> phones(ScriptWalk walk, String country, String... kinds) {
        Country found = GUIDANCE.country(country).orElseThrow();
        return List.of(kinds).stream().peek(kind -> assertThat(walk.exitKinds()).contains(kind))
                .flatMap(kind -> found.of(kind).stream()).map(Country.ExitOption::phone).filter(p -> p != null).toList();
    }

    @Test
    @DisplayName("1. farm work in Germany, €300 for \"transport and papers\", recruiter keeps the passport: warned, no referral")
    void socialMediaRecruiterForGermany() {
        ScriptWalk walk = walk("before_departure", List.of("individual", "asked_to_pay", "wants_documents"),
                "deception", "debt_bondage", "retention_of_documents");

        assertThat(walk.visited()).contains("before_departure/no_fee", "before_departure/documents_stay", "before_departure/warn");
        assertThat(walk.refers()).isFalse();
        assertThat(phones(walk, "DE", "emergency", "helpline", "embassy")).startsWith("112", "+40 21 313 3100")
                .contains("+49 160 1579938");
        assertThat(GUIDANCE.country("DE").orElseThrow().of("worker_counselling")).isNotEmpty();
        assertThat(walk.exitKinds()).contains("worker_counselling", "agency_register");
    }

    @Test
    @DisplayName("2. a Bucharest agency for care work in Italy: how to check its registration, no fee allowed, no referral")
    void checkingABucharestAgency() {
        ScriptWalk walk = walk("before_departure", List.of("agency", "asked_to_pay", "keeps_documents"));

        assertThat(walk.visited()).contains("before_departure/agency_register", "before_departure/no_fee")
                .doesNotContain("before_departure/warn");
        assertThat(walk.refers()).isFalse();
        assertThat(GUIDANCE.country("RO").orElseThrow().of("agency_register")).singleElement()
                .satisfies(o -> assertThat(o.text().in("en", "en")).contains("ITM", "register", "may not charge"));
        assertThat(phones(walk, "IT", "emergency", "helpline")).containsExactly("112", "+40 21 313 3100");
    }

    @Test
    @DisplayName("3. construction in the Netherlands: no contract, pay late, housing costs taken, a crowded container: referral with consent")
    void constructionWorkerInTheNetherlands() {
        ScriptWalk walk = walk("abroad_trouble", List.of("not_now", "can_leave", "no_money", "consents"),
                "withholding_of_wages", "abusive_conditions", "lb_no_earnings_no_contract", "lb_costs_from_pay",
                "lb_group_housing_at_site");

        assertThat(walk.visited()).contains("abroad_trouble/consular_help", "abroad_trouble/serious_exits", "referral_adult/refer");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.ADULT);
        assertThat(phones(walk, "NL", "emergency", "helpline", "embassy", "foreign_ministry"))
                .containsExactly("112", "+40 21 313 3100", "+31 70 354 15 80");
    }

    @Test
    void withoutConsentAnAdultIsNotReferred() {
        ScriptWalk walk = walk("abroad_trouble", List.of("not_now", "can_leave", "no_money", "declines"),
                "withholding_of_wages", "abusive_conditions");

        assertThat(walk.visited()).contains("referral_adult/respect");
        assertThat(walk.refers()).isFalse();
    }

    @Test
    @DisplayName("4. a mother: her 16-year-old left with an older man \"for a job in London\": the child-protection route")
    void minorTakenToLondon() {
        ScriptWalk walk = walk("worried_other", List.of("minor", "missing_or_controlled"),
                "deception", "isolation", "abuse_of_vulnerability");

        assertThat(walk.visited()).contains("minor/child_route");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.CHILD);
        assertThat(walk.exitKinds()).contains("missing_children", "emergency", "embassy", "child_line");
        Country uk = GUIDANCE.country("GB").orElseThrow();
        assertThat(uk.of("emergency")).singleElement().satisfies(o -> assertThat(o.phone()).isEqualTo("999"));
        assertThat(uk.of("missing_children")).singleElement().satisfies(o -> assertThat(o.verified()).isTrue())
                .satisfies(o -> assertThat(o.message().in("en", "en")).contains("116 000", "999 first"));
    }

    @Test
    @DisplayName("5. posted by a Romanian firm to Belgium on the Romanian minimum wage: the posting rules, no referral")
    void postedWorkerInBelgium() {
        ScriptWalk walk = walk("labour_rights", List.of("posted_abroad", "no_coercion"));

        assertThat(walk.visited()).contains("labour_rights/posted_workers", "labour_rights/advice");
        assertThat(GUIDANCE.script("labour_rights").orElseThrow().step("posted_workers").orElseThrow().text().in("en", "en"))
                .contains("full remuneration", "2018/957");
        assertThat(walk.refers()).isFalse();
        assertThat(walk.exitKinds()).containsExactlyInAnyOrder("labour_inspection", "worker_counselling", "embassy");
        assertThat(GUIDANCE.country("BE").orElseThrow().of("labour_inspection")).allSatisfy(o -> assertThat(o.verified()).isFalse());
    }

    @Test
    @DisplayName("6. unpaid overtime in Timișoara, no coercion: advice and the right institution, no referral")
    void unpaidOvertimeInTimisoara() {
        ScriptWalk walk = walk("labour_rights", List.of("in_romania", "no_coercion"));

        assertThat(walk.visited()).containsExactly("labour_rights/where", "labour_rights/coercion_in_romania",
                "labour_rights/advice", "labour_rights/institution", "labour_rights/exits", "labour_rights/done");
        assertThat(walk.refers()).isFalse();
        assertThat(GUIDANCE.country("RO").orElseThrow().of("labour_inspection")).singleElement()
                .satisfies(o -> assertThat(o.name().in("ro", "ro")).contains("Inspectoratul Teritorial de Muncă"));
    }

    @Test
    @DisplayName("6'. the same question reached through \"unpaid wages\" also ends without referral")
    void unpaidWagesInRomaniaIsALabourQuestion() {
        ScriptWalk walk = walk("unpaid_wages", List.of("in_romania", "in_romania", "no_coercion"));

        assertThat(walk.refers()).isFalse();
    }

    @Test
    @DisplayName("7. an English-speaking domestic worker in Bucharest: passport held, no days off, deportation threats: referral")
    void foreignDomesticWorkerInBucharest() {
        ScriptWalk walk = walk("in_romania", List.of("not_now", "foreign", "consents"),
                "retention_of_documents", "intimidation_threats", "excessive_overtime");

        assertThat(walk.visited()).contains("in_romania/reflection_period", "in_romania/serious_exits", "referral_adult/refer");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.ADULT);
        assertThat(phones(walk, "RO", "emergency", "helpline")).containsExactly("112", "0800 800 678");
        assertThat(GUIDANCE.script("in_romania").orElseThrow().step("reflection_period").orElseThrow().reply().in("en", "en"))
                .contains("90 days");
    }

    @Test
    void aCallerInDangerIsToldTheEmergencyNumberFirst() {
        ScriptWalk walk = walk("start", List.of("danger", "cannot"));

        assertThat(walk.visited()).startsWith("start/safe_now", "danger/emergency_first", "danger/danger_exits");
        assertThat(walk.exitKinds()).first().isEqualTo("emergency");
    }
}
