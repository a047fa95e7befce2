package org.helpline.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.HelplineConfig;
import org.helpline.config.ReferralConfig;
import org.helpline.guidance.GuidanceLibrary;
import org.helpline.referral.Decision.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("referral rules")
class AssessmentTest {
    private final ReferralConfig config = ReferralFixture.config("https://partner.example.org/referrals");
    private final Assessment assessment = new Assessment(config);

    private Decision decide(JsonObject request) {
        return assessment.decide(ReferralRequest.read(request, config));
    }

    @Test
    void immediateDangerSendsToTheEmergencyServicesFirst() {
        Decision decision = decide(ReferralFixture.adultWithConsent().put("urgency", "immediate_danger"));

        assertThat(decision.emergencyFirst()).isTrue();
        assertThat(decision.reasons().getFirst().code()).isEqualTo("emergency_first");
        assertThat(decision.outcome()).isEqualTo(Outcome.REFERRED);
    }

    @Test
    void aMinorGoesToTheCountysChildProtectionWhateverTheConsent() {
        Decision decision = decide(ReferralFixture.minorWithoutConsent());

        assertThat(decision.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(decision.route()).isEqualTo("child");
        assertThat(decision.partnerId()).isEqualTo("dgaspc-cj");
        assertThat(decision.reasons()).extracting(Decision.Reason::code).contains("presumed_victim", "child_protection")
                .doesNotContain("no_consent");
    }

    @Test
    void aMinorFromAnotherCountyTakesTheCatchAllChildRoute() {
        assertThat(decide(ReferralFixture.minorWithoutConsent().put("county", "TM")).partnerId()).isEqualTo("anitp");
        assertThat(decide(ReferralFixture.minorWithoutConsent().putNull("county")).partnerId()).isEqualTo("anitp");
    }

    @Test
    void aPersonWhoseAgeIsNotEstablishedIsTreatedAsAMinor() {
        Decision decision = decide(ReferralFixture.minorWithoutConsent().put("age", "unknown"));

        assertThat(decision.route()).isEqualTo("child");
        assertThat(decision.reasons()).extracting(Decision.Reason::code).contains("age_not_established");
    }

    @Test
    void anAdultWithoutConsentIsNotReferred() {
        JsonObject request = ReferralFixture.adultWithConsent().put("consent", new JsonObject().put("given", false));
        request.remove("reach");

        Decision decision = decide(request);

        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CONSENT);
        assertThat(decision.presumedVictim()).isTrue();
        assertThat(decision.partner()).isNull();
    }

    @Test
    void consentCountsOnlyOnceEverythingWasExplained() {
        JsonObject request = ReferralFixture.adultWithConsent();
        request.getJsonObject("consent").put("explained", new JsonArray().add("rights"));

        Decision decision = decide(request);

        assertThat(decision.outcome()).isEqualTo(Outcome.CONSENT_NOT_INFORMED);
        assertThat(decision.reasons().getLast().code()).isEqualTo("consent_not_informed");
        assertThat(decision.reasons().getLast().missing()).contains("who_receives", "withdraw_any_time").doesNotContain("rights");
    }

    @Test
    void anAdultWithInformedConsentIsRoutedByKind() {
        assertThat(decide(ReferralFixture.adultWithConsent()).partnerId()).isEqualTo("anitp");
        Decision sexual = decide(ReferralFixture.adultWithConsent().put("kind", "sexual"));
        assertThat(sexual.partnerId()).isEqualTo("ngo-sexual");
        assertThat(sexual.reasons().getLast()).satisfies(r -> assertThat(r.code()).isEqualTo("partner"))
                .satisfies(r -> assertThat(r.partner()).isEqualTo("NGO shelter (test)"));
    }

    @Test
    void oneSignOfCoercionIsEnoughOneOrdinarySignIsNot() {
        JsonObject coerced = ReferralFixture.adultWithConsent().put("indicators", new JsonArray().add("debt_bondage"));
        JsonObject deceived = ReferralFixture.adultWithConsent().put("indicators", new JsonArray().add("deception"));
        JsonObject twoSigns = ReferralFixture.adultWithConsent().put("indicators", new JsonArray().add("deception")
                .add("lb_fines"));

        Decision decision = decide(coerced);
        assertThat(decision.presumedVictim()).isTrue();
        assertThat(decision.reasons()).filteredOn(r -> r.code().equals("presumed_victim")).singleElement()
                .satisfies(r -> assertThat(r.indicators()).containsExactly("debt_bondage"))
                .satisfies(r -> assertThat(r.rule()).containsEntry("en", "a sign of coercion: one alone is enough")
                        .containsEntry("ro", "un semn de constrângere: unul singur ajunge"));
        assertThat(decide(deceived).outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
        assertThat(decide(twoSigns).presumedVictim()).isTrue();
    }

    @Test
    void anOrdinaryLabourQuestionIsNotAReferral() {
        Decision decision = decide(ReferralFixture.adultWithConsent().put("indicators", new JsonArray()));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
        assertThat(decision.reasons()).extracting(Decision.Reason::code).containsExactly("not_presumed_victim");
        assertThat(decision.toJson().getString("outcome")).isEqualTo("not_presumed_victim");
    }

    @Test
    void theBuiltInRulesUseTheIndicatorIdsOfTheGuidance() {
        Set<String> known = new HashSet<>();
        GuidanceLibrary.load(Path.of("config", "guidance")).indicatorGroups()
                .forEach(group -> group.indicators().forEach(i -> known.add(i.id())));

        HelplineConfig.defaults().referral().presumedVictim()
                .forEach(rule -> assertThat(known).as(rule.reason().get("en")).containsAll(rule.indicators()));
        assertThat(HelplineConfig.defaults().referral().presumedVictim().getLast().indicators())
                .as("a minor with any sign").containsExactlyInAnyOrderElementsOf(known);
    }

    @Test
    void aSurvivorWhoSaysWhatHappenedIsReferredWithConsentWithoutAnyIndicator() {
        JsonObject survivor = ReferralFixture.adultWithConsent().put("basis", "self_identified").put("indicators", new JsonArray());

        Decision decision = decide(survivor);

        assertThat(decision.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(decision.route()).isEqualTo("adult");
        assertThat(decision.reasons()).extracting(Decision.Reason::code)
                .containsExactly("self_identified", "informed_consent", "partner");
        assertThat(decide(ReferralFixture.adultWithConsent().put("indicators", new JsonArray())).outcome())
                .as("the same request without the person's own account").isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
    }

    @Test
    void aSurvivorsOwnAccountStillNeedsTheirConsent() {
        JsonObject survivor = ReferralFixture.adultWithConsent().put("basis", "self_identified").put("indicators", new JsonArray())
                .put("consent", new JsonObject().put("given", false));
        survivor.remove("reach");

        Decision decision = decide(survivor);

        assertThat(decision.outcome()).isEqualTo(Outcome.NO_CONSENT);
        assertThat(decision.presumedVictim()).isTrue();
        assertThat(decision.deliveries()).isEmpty();
    }

    @Test
    void aThirdPartysReportOfAnAdultIsNotifiedToTheNationalAgencyWithoutThePersonsConsent() {
        Decision decision = decide(ReferralFixture.neighbourReporting());

        assertThat(decision.outcome()).isEqualTo(Outcome.NOTIFIED);
        assertThat(decision.route()).isEqualTo("notification");
        assertThat(decision.deliveries()).extracting(Decision.Delivery::route, Decision.Delivery::partnerId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("notification", "anitp"));
        assertThat(decision.reasons()).extracting(Decision.Reason::code)
                .containsExactly("notification", "reporter_may_be_contacted", "partner")
                .doesNotContain("no_consent");
        assertThat(decision.reasons().getFirst().indicators()).containsExactly("retention_of_documents");
    }

    @Test
    void aThirdPartysReportOfAChildGoesToTheAgencyAndToChildProtection() {
        JsonObject mother = ReferralFixture.neighbourReporting().put("age", "minor").put("indicators", new JsonArray().add("deception"))
                .put("reporter", new JsonObject().put("consentToContact", false));

        Decision decision = decide(mother);

        assertThat(decision.outcome()).isEqualTo(Outcome.NOTIFIED);
        assertThat(decision.deliveries()).extracting(Decision.Delivery::route, Decision.Delivery::partnerId).containsExactly(
                org.assertj.core.groups.Tuple.tuple("notification", "anitp"),
                org.assertj.core.groups.Tuple.tuple("child", "dgaspc-cj"));
        assertThat(decision.reasons()).extracting(Decision.Reason::code)
                .containsSubsequence("notification", "child_protection_notified", "reporter_not_contacted", "partner", "partner");
        assertThat(decision.toJson().getJsonArray("deliveries")).hasSize(2);
    }

    @Test
    void aThirdPartyWhoDescribesNoSignNotifiesNothing() {
        Decision decision = decide(ReferralFixture.neighbourReporting().put("indicators", new JsonArray().add("not_an_indicator")));

        assertThat(decision.outcome()).isEqualTo(Outcome.NOT_PRESUMED_VICTIM);
        assertThat(decision.reasons()).extracting(Decision.Reason::code).containsExactly("nothing_to_notify");
        assertThat(decision.deliveries()).isEmpty();
    }

    @Test
    void aMissingChildIsThePoliceAnd116000BeforeAnythingElse() {
        JsonObject missing = ReferralFixture.neighbourReporting().put("age", "minor").put("missingChild", true)
                .put("urgency", "immediate_danger").put("indicators", new JsonArray());

        Decision decision = decide(missing);

        assertThat(decision.missingChildFirst()).isTrue();
        assertThat(decision.reasons().getFirst().code()).isEqualTo("missing_child_first");
        assertThat(decision.reasons().get(1).code()).isEqualTo("emergency_first");
        assertThat(decision.outcome()).as("the disappearance alone is notified").isEqualTo(Outcome.NOTIFIED);
        assertThat(decision.deliveries()).extracting(Decision.Delivery::route).containsExactly("notification", "child");
        assertThat(decision.toJson().getBoolean("missingChildFirst")).isTrue();

        Decision child = decide(ReferralFixture.minorWithoutConsent().put("missingChild", true).put("indicators", new JsonArray()));
        assertThat(child.reasons().getFirst().code()).isEqualTo("missing_child_first");
        assertThat(child.outcome()).isEqualTo(Outcome.REFERRED);
        assertThat(child.route()).isEqualTo("child");
    }
}
