package org.helpline.guidance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the shipped scripts establish on the way, for the referral form to carry: nothing typed twice. */
@DisplayName("what a script establishes about the case")
class ScriptEstablishesTest {
    private static final Guidance GUIDANCE = GuidanceLibrary.load(GuidanceFolder.SHIPPED);

    @Test
    void aRelativeReportingAMissingChildIsAThirdPartyAndThePoliceAnd116000ComeFirst() {
        ScriptWalk walk = ScriptWalk.follow(GUIDANCE, "start", List.of("safe", "someone_else", "minor", "missing"), Set.of());

        assertThat(walk.established()).containsEntry("basis", "third_party").containsEntry("age", "minor")
                .containsEntry("missingChild", true).containsEntry("urgency", "immediate_danger");
        int situation = walk.visited().indexOf("minor/situation");
        assertThat(walk.visited().get(situation + 1)).as("right after the answer: police and 116 000").isEqualTo("minor/missing_now");
        assertThat(GUIDANCE.script("minor").orElseThrow().step("missing_now").orElseThrow().text().in("en", "en"))
                .contains("112").contains("116 000").contains("before anything else");
    }

    @Test
    void aSurvivorWhoWantsHelpIsSelfIdentifiedAndTheirConsentIsCarried() {
        ScriptWalk walk = ScriptWalk.follow(GUIDANCE, "start",
                List.of("safe", "survivor", "safe", "assistance", "wants_referral", "consents"), Set.of());

        assertThat(walk.refers()).isTrue();
        assertThat(walk.established()).containsEntry("basis", "self_identified").containsEntry("consent", "given")
                .doesNotContainKey("age");
    }

    @Test
    void consentRefusedAgeAndNeedsAreCarriedToo() {
        ScriptWalk declined = ScriptWalk.follow(GUIDANCE, "referral_adult", List.of("declines"), Set.of());
        assertThat(declined.established()).containsEntry("consent", "refused");

        ScriptWalk inDanger = ScriptWalk.follow(GUIDANCE, "danger", List.of("knows", "can", "adult"), Set.of("retention_of_documents"));
        assertThat(inDanger.established()).containsEntry("urgency", "immediate_danger").containsEntry("age", "adult");

        ScriptWalk lawyer = ScriptWalk.follow(GUIDANCE, "survivor_rights", List.of("safe", "lawyer_or_compensation", "not_now"), Set.of());
        assertThat(lawyer.established()).containsEntry("needs", List.of("legal"));
    }
}
