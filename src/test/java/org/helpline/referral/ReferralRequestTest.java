package org.helpline.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import org.helpline.config.ReferralConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("referral requests")
class ReferralRequestTest {
    private final ReferralConfig config = ReferralFixture.config("https://partner.example.org/referrals");

    private InvalidReferral refused(JsonObject request) {
        try {
            ReferralRequest.read(request, config);
        } catch (InvalidReferral refused) {
            return refused;
        }
        throw new AssertionError("the request was accepted");
    }

    @Test
    void keepsWhatTheRecordNeeds() {
        ReferralRequest request = ReferralRequest.read(ReferralFixture.adultWithConsent().put("county", "is"), config);

        assertThat(request.county()).isEqualTo("IS");
        assertThat(request.reach().window()).isEqualTo("weekdays 18:00-20:00 NL time");
        assertThat(request.consent().given()).isTrue();
    }

    @Test
    void refusesAnyFieldTheRecordDoesNotHold() {
        assertThat(refused(ReferralFixture.adultWithConsent().put("name", "Ion Popescu")).code()).isEqualTo("unknown_field");
        assertThat(refused(ReferralFixture.adultWithConsent().put("phone", "0721234567")).code()).isEqualTo("unknown_field");
        JsonObject consentWithAuthor = ReferralFixture.adultWithConsent();
        consentWithAuthor.getJsonObject("consent").put("by", "someone else");
        assertThat(refused(consentWithAuthor).code()).isEqualTo("unknown_field");
    }

    @Test
    void keepsAWayToReachThePersonOnlyWithTheirConsent() {
        JsonObject request = ReferralFixture.adultWithConsent().put("consent", new JsonObject().put("given", false));

        assertThat(refused(request).code()).isEqualTo("reach_without_consent");
        JsonObject minor = ReferralFixture.minorWithoutConsent()
                .put("reach", new JsonObject().put("way", "phone").put("value", "0721234567").put("window", "evenings"));
        assertThat(refused(minor).code()).isEqualTo("reach_without_consent");
    }

    @Test
    void limitsTheSummaryAndFreeText() {
        assertThat(refused(ReferralFixture.adultWithConsent().put("summary", "x".repeat(501))).code()).isEqualTo("too_long");
        assertThat(refused(ReferralFixture.adultWithConsent().put("summary", "bell\u0007")).code()).isEqualTo("bad_request");
        JsonObject longReach = ReferralFixture.adultWithConsent();
        longReach.getJsonObject("reach").put("value", "9".repeat(101));
        assertThat(refused(longReach).code()).isEqualTo("too_long");
    }

    @Test
    void namesTheFieldAtFault() {
        assertThat(refused(ReferralFixture.adultWithConsent().put("county", "XX")).getMessage()).startsWith("county:");
        assertThat(refused(ReferralFixture.adultWithConsent().put("kind", "smuggling")).getMessage()).startsWith("kind:");
        assertThat(refused(ReferralFixture.adultWithConsent().put("age", 16)).getMessage()).startsWith("age:");
        assertThat(refused(ReferralFixture.adultWithConsent().put("urgency", "soon")).getMessage()).startsWith("urgency:");
        assertThat(refused(ReferralFixture.adultWithConsent().put("needs", "shelter")).getMessage()).startsWith("needs:");
        assertThat(refused(ReferralFixture.adultWithConsent().put("indicators", new io.vertx.core.json.JsonArray().add("Not An Id")))
                .getMessage()).startsWith("indicators:");
    }

    @Test
    void theMessageNeverRepeatsWhatWasTyped() {
        String typed = "Ion Popescu 0721234567";
        assertThat(refused(ReferralFixture.adultWithConsent().put("kind", typed)).getMessage()).doesNotContain("Popescu");
        assertThat(refused(ReferralFixture.adultWithConsent().put("country", typed)).getMessage()).doesNotContain("Popescu");
    }

    @Test
    void aMissingChildIsNeverAnAdult() {
        InvalidReferral refused = refused(ReferralFixture.adultWithConsent().put("missingChild", true));

        assertThat(refused.field()).isEqualTo("missingChild");
        assertThat(ReferralRequest.read(ReferralFixture.minorWithoutConsent().put("missingChild", true), config).missingChild()).isTrue();
        assertThat(ReferralRequest.read(ReferralFixture.minorWithoutConsent(), config).missingChild()).isFalse();
    }

    @Test
    void aThirdPartyCannotConsentForThePersonNorGiveTheirContact() {
        JsonObject consenting = ReferralFixture.neighbourReporting().put("consent", ReferralFixture.adultWithConsent().getJsonObject("consent"));
        assertThat(refused(consenting).field()).isEqualTo("consent.given");
        JsonObject personsNumber = ReferralFixture.neighbourReporting().put("reach", ReferralFixture.adultWithConsent().getJsonObject("reach"));
        assertThat(refused(personsNumber).field()).isEqualTo("reach");
    }

    @Test
    void keepsAWayToReachTheReporterOnlyWithTheReportersConsent() {
        ReferralRequest request = ReferralRequest.read(ReferralFixture.neighbourReporting(), config);
        assertThat(request.notification()).isTrue();
        assertThat(request.reporter().consentToContact()).isTrue();
        assertThat(request.reporter().reach().window()).isEqualTo("evenings");

        JsonObject noConsent = ReferralFixture.neighbourReporting();
        noConsent.getJsonObject("reporter").put("consentToContact", false);
        assertThat(refused(noConsent).code()).isEqualTo("reach_without_consent");
        assertThat(refused(noConsent).field()).isEqualTo("reporter.reach");
        JsonObject withName = ReferralFixture.neighbourReporting();
        withName.getJsonObject("reporter").put("name", "Maria");
        assertThat(refused(withName).code()).isEqualTo("unknown_field");
        assertThat(refused(ReferralFixture.adultWithConsent().put("reporter", new JsonObject().put("consentToContact", true))).field())
                .as("a reporter only in a notification").isEqualTo("reporter");
        assertThat(refused(ReferralFixture.adultWithConsent().put("basis", "rumour")).field()).isEqualTo("basis");
    }
}
