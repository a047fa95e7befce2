package org.helpline.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.ReferralConfig;
import org.helpline.referral.Assessment;
import org.helpline.referral.Decision;
import org.helpline.referral.Decision.Outcome;
import org.helpline.referral.ReferralFixture;
import org.helpline.referral.ReferralRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The seven example callers of the helpline's domain notes and the ten of issue 13, each walked through the
 * script they take, with the answers they give and the signs the operator ticks: which exit options come up,
 * for which country, with which usable contacts, what the walk carries into the referral form (what its steps
 * establish, and the signs its checklists asked about and the operator ticked), and the referral decision and route:
 * the server's own rule set deciding on what the walk carried into the form, as {@code POST /api/referrals} would.
 */
@DisplayName("the example callers' paths through the scripts")
class ExampleCallersTest {
    private static final Guidance GUIDANCE = GuidanceLibrary.load(GuidanceFolder.SHIPPED);
    private static final ReferralConfig REFERRAL = ReferralFixture.config("http://localhost:9/");
    private static final Assessment RULES = new Assessment(REFERRAL);

    /** What the operator chooses in the form where the walk established nothing: age, kind, urgency. */
    private record Chosen(String age, String kind, String urgency) {
        static Chosen of(String age, String kind) {
            return new Chosen(age, kind, "normal");
        }
    }

    /**
     * The referral form as the console sends it after this walk (console/referral.js): what the walk established,
     * the signs ticked, the country, and the operator's own choice only where the walk established nothing. The
     * person's consent is the one the script recorded; when they consented, the consent step's explanations were given.
     */
    private static Decision decision(ScriptWalk walk, String country, Chosen chosen, String... ticked) {
        Map<String, Object> carried = walk.established();
        String basis = (String) carried.getOrDefault("basis", "indicators");
        JsonObject form = new JsonObject()
                .put("basis", basis)
                .put("indicators", new JsonArray(List.of(ticked)))
                .put("age", carried.getOrDefault("age", chosen.age()))
                .put("kind", carried.getOrDefault("kind", chosen.kind()))
                .put("country", country)
                .put("urgency", carried.getOrDefault("urgency", chosen.urgency()))
                .put("needs", new JsonArray((List<?>) carried.getOrDefault("needs", List.of())));
        if (Boolean.TRUE.equals(carried.get("missingChild"))) {
            form.put("missingChild", true);
        }
        boolean consented = "given".equals(carried.get("consent"));
        if (basis.equals("third_party")) {
            form.put("reporter", new JsonObject().put("consentToContact", false));
        } else {
            form.put("consent", new JsonObject().put("given", consented)
                    .put("explained", new JsonArray(consented ? REFERRAL.consentExplains() : List.of())));
        }
        return RULES.decide(ReferralRequest.read(form, REFERRAL));
    }

    private static List<String> routes(Decision decision) {
        return decision.deliveries().stream().map(Decision.Delivery::route).toList();
    }

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

    /** Entries the operator can insert for the kinds the walk suggested: confirmed, with a sentence in each language. */
    private static List<Country.ExitOption> usable(ScriptWalk walk, String country) {
        Country found = GUIDANCE.country(country).orElseThrow();
        return walk.exitKinds().stream().flatMap(kind -> found.of(kind).stream())
                .filter(o -> o.verified() && o.message().isCompleteIn("ro") && o.message().isCompleteIn("en")).toList();
    }

    private static List<String> usablePhones(ScriptWalk walk, String country) {
        return usable(walk, country).stream().map(Country.ExitOption::phone).filter(p -> p != null).toList();
    }

    /** Entries shown "to be confirmed": each names where to check it before it is given. */
    private static List<Country.ExitOption> toConfirm(ScriptWalk walk, String country) {
        Country found = GUIDANCE.country(country).orElseThrow();
        List<Country.ExitOption> shown = walk.exitKinds().stream().flatMap(kind -> found.of(kind).stream()).filter(o -> !o.verified()).toList();
        assertThat(shown).filteredOn(o -> o.phone() != null).allSatisfy(o -> assertThat(o.checkAt()).as(o.id()).isNotBlank());
        return shown;
    }

    /** The signs the walk's checklists asked about: what the operator could tick on this path. */
    private static Set<String> askedAbout(ScriptWalk walk) {
        Set<String> asked = new java.util.HashSet<>();
        walk.visited().forEach(at -> {
            Step step = GUIDANCE.script(at.substring(0, at.indexOf('/'))).orElseThrow().step(at.substring(at.indexOf('/') + 1)).orElseThrow();
            step.indicators().forEach(ref -> asked.addAll(GUIDANCE.indicatorsOf(ref)));
        });
        return asked;
    }

    /** What goes into the referral form from the walk: the ticks, each asked about on the way. */
    private static void carries(ScriptWalk walk, String... ticked) {
        assertThat(askedAbout(walk)).as("the signs ticked were asked about on the path " + walk.visited()).contains(ticked);
    }

    private static boolean emergencyFirst(ScriptWalk walk) {
        return !walk.exitKinds().isEmpty() && walk.exitKinds().iterator().next().equals("emergency");
    }

    @Test
    @DisplayName("1. farm work in Germany, €300 for \"transport and papers\", recruiter keeps the passport: warned, no referral")
    void socialMediaRecruiterForGermany() {
        ScriptWalk walk = walk("before_departure", List.of("individual", "asked_to_pay", "wants_documents"),
                "deception", "debt_bondage", "retention_of_documents");

        assertThat(walk.visited()).contains("before_departure/no_fee", "before_departure/documents_stay", "before_departure/warn");
        assertThat(walk.refers()).isFalse();
        Decision decided = decision(walk, "RO", Chosen.of("adult", "labour"), "deception", "debt_bondage", "retention_of_documents");
        assertThat(decided.presumedVictim()).as("a recruiter keeping the passport is a sign of coercion").isTrue();
        assertThat(decided.outcome()).as("warned; no referral without the person's consent").isEqualTo(Outcome.NO_CONSENT);
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
        assertThat(decision(walk, "IT", Chosen.of("adult", "labour")).outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
        assertThat(GUIDANCE.country("RO").orElseThrow().of("agency_register")).singleElement()
                .satisfies(o -> assertThat(o.text().in("en", "en")).contains("ITM", "register", "may not charge"));
        assertThat(phones(walk, "IT", "emergency", "helpline")).containsExactly("112", "+40 21 313 3100");
    }

    @Test
    @DisplayName("3. construction in the Netherlands: no contract, pay late, housing costs taken, a crowded container: referral with consent")
    void constructionWorkerInTheNetherlands() {
        String[] ticks = {"withholding_of_wages", "abusive_conditions", "lb_no_earnings_no_contract", "lb_costs_from_pay",
                "lb_group_housing_at_site"};
        ScriptWalk walk = walk("abroad_trouble", List.of("not_now", "can_leave", "no_money", "labour", "consents"), ticks);

        assertThat(walk.visited()).contains("abroad_trouble/consular_help", "abroad_trouble/serious_exits", "referral_adult/refer");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.ADULT);
        assertThat(walk.established()).containsEntry("kind", "labour");
        Decision decided = decision(walk, "NL", Chosen.of("adult", null), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(routes(decided)).containsExactly("adult");
        assertThat(phones(walk, "NL", "emergency", "helpline", "embassy", "foreign_ministry"))
                .containsExactly("112", "+40 21 313 3100", "+31 70 354 15 80");
    }

    @Test
    void withoutConsentAnAdultIsNotReferred() {
        ScriptWalk walk = walk("abroad_trouble", List.of("not_now", "can_leave", "no_money", "labour", "declines"),
                "withholding_of_wages", "abusive_conditions");

        assertThat(walk.visited()).contains("referral_adult/respect");
        assertThat(walk.refers()).isFalse();
        assertThat(walk.established()).containsEntry("consent", "refused");
        assertThat(decision(walk, "NL", Chosen.of("adult", null), "withholding_of_wages", "abusive_conditions").outcome())
                .isEqualTo(Outcome.NO_CONSENT);
    }

    @Test
    @DisplayName("4. a mother: her 16-year-old left with an older man \"for a job in London\": the child-protection route")
    void minorTakenToLondon() {
        ScriptWalk walk = walk("worried_other", List.of("minor", "missing_or_controlled"),
                "deception", "isolation", "abuse_of_vulnerability");

        assertThat(walk.visited()).contains("minor/child_route");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.CHILD);
        Decision decided = decision(walk, "GB", Chosen.of(null, "sexual"), "deception", "isolation", "abuse_of_vulnerability");
        assertThat(decided.outcome()).as("a mother's report: notified, the child's without anyone's consent").isEqualTo(Outcome.NOTIFIED);
        assertThat(routes(decided)).containsExactly("notification", "child");
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
        assertThat(decision(walk, "BE", Chosen.of("adult", "labour")).outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
        assertThat(GUIDANCE.country("BE").orElseThrow().of("labour_inspection")).allSatisfy(o -> assertThat(o.verified()).isFalse());
    }

    @Test
    @DisplayName("6. unpaid overtime in Timișoara, no coercion: advice and the right institution, no referral")
    void unpaidOvertimeInTimisoara() {
        ScriptWalk walk = walk("labour_rights", List.of("in_romania", "no_coercion"));

        assertThat(walk.visited()).containsExactly("labour_rights/where", "labour_rights/coercion_in_romania",
                "labour_rights/advice", "labour_rights/institution", "labour_rights/exits", "labour_rights/done");
        assertThat(walk.refers()).isFalse();
        assertThat(decision(walk, "RO", Chosen.of("adult", "labour")).outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
        assertThat(GUIDANCE.country("RO").orElseThrow().of("labour_inspection")).singleElement()
                .satisfies(o -> assertThat(o.name().in("ro", "ro")).contains("Inspectoratul Teritorial de Muncă"));
    }

    @Test
    @DisplayName("6'. the same question reached through \"unpaid wages\" also ends without referral")
    void unpaidWagesInRomaniaIsALabourQuestion() {
        ScriptWalk walk = walk("unpaid_wages", List.of("in_romania", "in_romania", "no_coercion"));

        assertThat(walk.refers()).isFalse();
        assertThat(decision(walk, "RO", Chosen.of("adult", "labour")).outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
    }

    @Test
    @DisplayName("7. an English-speaking domestic worker in Bucharest: passport held, no days off, deportation threats: referral")
    void foreignDomesticWorkerInBucharest() {
        String[] ticks = {"retention_of_documents", "intimidation_threats", "excessive_overtime"};
        ScriptWalk walk = walk("in_romania", List.of("not_now", "foreign", "domestic", "consents"), ticks);

        assertThat(walk.visited()).contains("in_romania/reflection_period", "in_romania/serious_exits", "referral_adult/refer");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.ADULT);
        assertThat(walk.established()).containsEntry("kind", "domestic_servitude");
        Decision decided = decision(walk, "RO", Chosen.of("adult", null), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(routes(decided)).containsExactly("adult");
        assertThat(phones(walk, "RO", "emergency", "helpline")).containsExactly("112", "0800 800 678", "+40 21 313 3100");
        assertThat(GUIDANCE.script("in_romania").orElseThrow().step("reflection_period").orElseThrow().reply().in("en", "en"))
                .contains("90 days");
    }

    @Test
    void aCallerInDangerIsToldTheEmergencyNumberFirst() {
        ScriptWalk walk = walk("start", List.of("danger", "knows", "cannot"));

        assertThat(walk.visited()).startsWith("start/safe_now", "danger/emergency_first", "danger/knows_where", "danger/danger_exits");
        assertThat(walk.exitKinds()).first().isEqualTo("emergency");
        Decision decided = decision(walk, "RO", Chosen.of("adult", "other"));
        assertThat(decided.emergencyFirst()).as("112 first").isTrue();
        assertThat(decided.reasons().getFirst().code()).isEqualTo("emergency_first");
    }

    // The ten callers of issue 13.

    @Test
    @DisplayName("13.1 a 17-year-old on a building site in Austria, unpaid, sleeping on site: the child route, Austria's lines")
    void boyOnABuildingSiteInAustria() {
        String[] ticks = {"withholding_of_wages", "lb_group_housing_at_site", "abuse_of_vulnerability"};
        ScriptWalk walk = walk(GUIDANCE.scriptFor("under_18", false).id(), List.of("safe", "working_away"), ticks);

        assertThat(walk.visited()).startsWith("child_caller/safe").contains("child_caller/away", "child_caller/child_route");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.CHILD);
        carries(walk, ticks);
        assertThat(walk.established()).containsEntry("age", "minor").containsEntry("basis", "self_identified");
        Decision decided = decision(walk, "AT", Chosen.of(null, "labour"), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(routes(decided)).as("the child's route, whatever the consent").containsExactly("child");
        assertThat(usablePhones(walk, "AT")).contains("112", "+43 677 61 34 34 34");
        assertThat(usable(walk, "AT")).extracting(Country.ExitOption::id).contains("at_mfa_24_7");
        assertThat(toConfirm(walk, "AT")).extracting(o -> o.city() == null ? null : o.city().in("en", "en")).contains("Vienna");
        assertThat(GUIDANCE.script("child_caller").orElseThrow().step("away").orElseThrow().reply().in("ro", "ro"))
                .contains("te ajut", "ești"); // spoken to the child, not to a parent
    }

    @Test
    @DisplayName("13.2 a domestic worker in Cyprus, passport taken, locked in at night: 112 first, referral with consent")
    void domesticWorkerInCyprus() {
        String[] ticks = {"retention_of_documents", "restriction_of_movement"};
        ScriptWalk walk = walk(GUIDANCE.scriptFor("abroad_in_trouble", false).id(), List.of("not_now", "cannot_leave", "domestic", "consents"), ticks);

        assertThat(walk.visited()).contains("abroad_trouble/restricted", "abroad_trouble/serious_exits", "referral_adult/refer");
        assertThat(GUIDANCE.script("abroad_trouble").orElseThrow().step("restricted").orElseThrow().reply().in("en", "en")).contains("112");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.ADULT);
        assertThat(emergencyFirst(walk)).isTrue();
        carries(walk, ticks);
        assertThat(walk.established()).containsEntry("consent", "given").containsEntry("kind", "domestic_servitude");
        Decision decided = decision(walk, "CY", Chosen.of("adult", null), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(routes(decided)).containsExactly("adult");
        assertThat(usablePhones(walk, "CY")).contains("112");
        assertThat(usable(walk, "CY")).extracting(Country.ExitOption::id).contains("cy_mfa_24_7");
        assertThat(toConfirm(walk, "CY")).extracting(Country.ExitOption::id).contains("cy_police_thb", "cy_embassy_nicosia");
    }

    @Test
    @DisplayName("13.3 a farm worker in Denmark with a growing \"debt\": debt bondage, referral with consent, Denmark's hotline")
    void farmWorkerInDenmark() {
        String[] ticks = {"debt_bondage", "deception", "lb_costs_from_pay"};
        ScriptWalk walk = walk("abroad_trouble", List.of("not_now", "can_leave", "no_money", "labour", "consents"), ticks);

        assertThat(walk.visited()).contains("abroad_trouble/consular_exits", "abroad_trouble/serious_exits", "referral_adult/refer");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.ADULT);
        carries(walk, ticks);
        assertThat(walk.established()).containsEntry("consent", "given").containsEntry("needs", List.of("repatriation"))
                .containsEntry("kind", "labour");
        Decision decided = decision(walk, "DK", Chosen.of("adult", null), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(routes(decided)).containsExactly("adult");
        assertThat(usablePhones(walk, "DK")).contains("112", "+45 70 20 25 50");
        assertThat(toConfirm(walk, "DK")).extracting(Country.ExitOption::phone).contains("+45 27 35 55 37");
    }

    @Test
    @DisplayName("13.4 a caller reports an \"agency\" collecting passports for strawberry picking in Spain: a notification")
    void agencyCollectingPassportsForSpain() {
        String[] ticks = {"retention_of_documents", "deception"};
        ScriptWalk walk = walk("start", List.of("safe", "offer_check", "not_left", "fee_asked", "no_contract_before", "cash_only",
                "deductions", "agency", "others_affected"), ticks);

        assertThat(walk.visited()).contains("offer_check/fee_law", "offer_check/contract_law", "offer_check/register", "offer_check/notify");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.NOTIFICATION);
        carries(walk, ticks);
        assertThat(walk.established()).containsEntry("basis", "third_party");
        Decision decided = decision(walk, "ES", Chosen.of("adult", "labour"), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.NOTIFIED);
        assertThat(routes(decided)).containsExactly("notification");
        assertThat(usable(walk, "RO")).extracting(Country.ExitOption::id).contains("ro_itm_register", "ro_eures");
        assertThat(usablePhones(walk, "ES")).contains("112");
        assertThat(toConfirm(walk, "ES")).extracting(Country.ExitOption::phone).contains("900 10 50 90");
    }

    @Test
    @DisplayName("13.5 a survivor in Iași, a witness afraid of those she testified against, asks for a lawyer: safety first, referral")
    void survivorWitnessInIasi() {
        ScriptWalk walk = walk(GUIDANCE.scriptFor("came_back", false).id(), List.of("threatened", "witness", "wants_referral", "consents"));

        assertThat(walk.visited()).startsWith("survivor_rights/safe", "survivor_rights/protection", "survivor_rights/protection_exits")
                .contains("survivor_rights/legal", "referral_adult/refer");
        assertThat(emergencyFirst(walk)).isTrue();
        assertThat(walk.referrals()).containsExactly(ReferralRoute.ADULT);
        assertThat(walk.established()).containsEntry("basis", "self_identified").containsEntry("urgency", "urgent")
                .containsEntry("needs", List.of("legal")).containsEntry("consent", "given");
        Decision decided = decision(walk, "RO", Chosen.of("adult", "other"));
        assertThat(decided.outcome()).as("on her own account, no sign ticked").isEqualTo(Outcome.REFERRED);
        assertThat(routes(decided)).containsExactly("adult");
        assertThat(usablePhones(walk, "RO")).contains("112", "0800 500 333");
        assertThat(usable(walk, "RO")).extracting(Country.ExitOption::id).contains("ro_assistance");
    }

    @Test
    @DisplayName("13.6 a 14-year-old with an online \"boyfriend\" who sent bus tickets to Germany: child-friendly, chat safety, child route")
    void girlWithAnOnlineBoyfriend() {
        String[] ticks = {"deception", "isolation", "abuse_of_vulnerability"};
        ScriptWalk walk = walk(GUIDANCE.scriptFor("under_18", false).id(), List.of("safe", "online_contact"), ticks);

        assertThat(walk.visited()).contains("child_caller/online_secret", "child_caller/online_safety", "child_caller/refer_child");
        assertThat(GUIDANCE.script("child_caller").orElseThrow().step("online_safety").orElseThrow().reply().in("en", "en"))
                .contains("do not delete the messages", "screenshots", "Do not go to any meeting");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.CHILD);
        carries(walk, ticks);
        assertThat(walk.established()).containsEntry("age", "minor").doesNotContainKey("urgency");
        Decision decided = decision(walk, "RO", Chosen.of(null, "sexual"), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(routes(decided)).containsExactly("child");
        assertThat(usablePhones(walk, "RO")).contains("112", "0800 500 333");
        assertThat(toConfirm(walk, "RO")).extracting(Country.ExitOption::phone).contains("116 111", "119");
        assertThat(usablePhones(walk, "DE")).contains("116 111");
    }

    @Test
    @DisplayName("13.7 a courier from Nepal in Cluj: fees, lower pay, residence permit kept: reflection period, referral with consent")
    void courierFromNepalInCluj() {
        String[] ticks = {"retention_of_documents", "deception", "debt_bondage"};
        ScriptWalk walk = walk(GUIDANCE.scriptFor("work_in_romania", false).id(), List.of("not_now", "foreign", "labour", "consents"), ticks);

        assertThat(walk.visited()).contains("in_romania/reflection_period", "in_romania/serious_exits", "referral_adult/refer");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.ADULT);
        carries(walk, ticks);
        assertThat(walk.established()).containsEntry("consent", "given").containsEntry("kind", "labour");
        Decision decided = decision(walk, "RO", Chosen.of("adult", null), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(routes(decided)).containsExactly("adult");
        assertThat(usable(walk, "RO")).extracting(o -> o.message().in("en", "en"))
                .contains("You can call 0800 500 333 free, at any time: it is the line for victims of violence and of human trafficking.");
    }

    @Test
    @DisplayName("13.8 may a Dutch agency deduct housing and health insurance? Labour advice and the Dutch institutions, no referral")
    void seasonalWorkerAndADutchAgency() {
        ScriptWalk walk = walk("labour_rights", List.of("abroad", "no_coercion"));

        assertThat(walk.visited()).contains("labour_rights/advice", "labour_rights/institution");
        assertThat(walk.refers()).isFalse();
        assertThat(decision(walk, "NL", Chosen.of("adult", "labour")).outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
        assertThat(usablePhones(walk, "NL")).contains("0800 5151");
        assertThat(usable(walk, "NL")).extracting(Country.ExitOption::id).contains("nl_fairwork", "nl_embassy_haga");
    }

    @Test
    @DisplayName("13.9 safe in Poland with no money to get home, no exploitation: the consulate and the 24/7 route, no referral")
    void strandedInPoland() {
        ScriptWalk walk = walk("abroad_trouble", List.of("not_now", "can_leave", "no_money", "not_clear"));

        assertThat(walk.visited()).contains("abroad_trouble/consular_help", "abroad_trouble/consular_exits", "abroad_trouble/labour_advice");
        assertThat(walk.refers()).isFalse();
        assertThat(walk.established()).doesNotContainKey("kind").containsEntry("needs", List.of("repatriation"));
        assertThat(decision(walk, "PL", Chosen.of("adult", "other")).outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
        assertThat(usable(walk, "PL")).extracting(Country.ExitOption::id).contains("pl_mfa_24_7");
        assertThat(toConfirm(walk, "PL")).extracting(Country.ExitOption::phone).contains("+48 694 486 683", "+48 22 628 31 56");
    }

    @Test
    @DisplayName("13.10 a mother: her adult son left with a recruiter and has not answered for three weeks: a notification")
    void motherOfASonWhoStoppedAnswering() {
        String[] ticks = {"isolation", "deception"};
        ScriptWalk walk = walk(GUIDANCE.scriptFor("worried_about_someone", false).id(), List.of("adult", "gone_silent", "not_known"), ticks);

        assertThat(walk.visited()).contains("worried_other/no_answer", "relative_no_contact/what_is_known", "relative_no_contact/notify");
        assertThat(walk.referrals()).containsExactly(ReferralRoute.NOTIFICATION);
        carries(walk, ticks);
        assertThat(walk.established()).containsEntry("basis", "third_party").containsEntry("age", "adult").doesNotContainKey("consent");
        Decision decided = decision(walk, "IT", Chosen.of(null, "labour"), ticks);
        assertThat(decided.outcome()).isEqualTo(Outcome.NOTIFIED);
        assertThat(routes(decided)).as("an adult: the national agency only").containsExactly("notification");
        assertThat(usablePhones(walk, "IT")).contains("800 290 290");
        assertThat(usable(walk, "IT")).extracting(Country.ExitOption::id).contains("it_mfa_24_7");
    }

    @Test
    @DisplayName("danger, and the person cannot say where they are: location clues, then 112 or we alert")
    void inDangerAndLost() {
        ScriptWalk walk = walk("danger", List.of("does_not_know", "no_map", "cannot_call"), "restriction_of_movement");

        assertThat(walk.visited()).startsWith("danger/emergency_first", "danger/knows_where", "danger_location/short",
                "danger_location/phone_map", "danger_location/clues", "danger_location/can_call", "danger_location/we_alert");
        assertThat(emergencyFirst(walk)).isTrue();
        assertThat(walk.established()).containsEntry("urgency", "immediate_danger");
        Decision decided = decision(walk, "DE", Chosen.of("adult", "other"), "restriction_of_movement");
        assertThat(decided.emergencyFirst()).isTrue();
        assertThat(decided.reasons().getFirst().code()).isEqualTo("emergency_first");
    }
}
