package org.helpline.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad edit is refused with the file, script and step at fault. */
@DisplayName("guidance checks")
class GuidanceCheckTest {
    private static final String BEFORE = "scripts/before_departure.yaml";

    @TempDir
    Path dir;
    private GuidanceFolder folder;

    @BeforeEach
    void copy() {
        folder = GuidanceFolder.copyOfShipped(dir);
    }

    private InvalidGuidance refused() {
        try {
            GuidanceLibrary.load(dir);
        } catch (InvalidGuidance invalid) {
            return invalid;
        }
        throw new AssertionError("the edited guidance was accepted");
    }

    private void assertProblem(String file, String script, String step, String message) {
        assertThat(refused().problems()).anySatisfy(problem -> {
            assertThat(problem.file()).isEqualTo(dir.resolve(file).toString());
            assertThat(problem.script()).isEqualTo(script);
            assertThat(problem.step()).isEqualTo(step);
            assertThat(problem.message()).contains(message);
        });
    }

    @Test
    void aStepLeadingNowhereIsNamed() {
        folder.edit(BEFORE, "        next: agency_register", "        next: agency_registr");

        assertProblem(BEFORE, "before_departure", "offer_from", "answer 'agency'.next: 'agency_registr' is not a step of this script");
        assertThat(refused().getMessage()).contains(dir.resolve(BEFORE) + ": script 'before_departure', step 'offer_from': ");
    }

    @Test
    void aJumpToAScriptThatDoesNotExistIsNamed() {
        folder.edit("scripts/start.yaml", "next: script:danger", "next: script:dangr");

        assertProblem("scripts/start.yaml", "start", "safe_now", "there is no script 'dangr'");
    }

    @Test
    void aMissingTranslationIsNamed() {
        folder.edit(BEFORE, "      en: \"Who made the job offer?\"\n", "");

        assertProblem(BEFORE, "before_departure", "offer_from", "text has no en text");
    }

    @Test
    void anUnknownIndicatorOrExitKindIsNamed() {
        folder.edit(BEFORE, "indicators: [deception, debt_bondage,", "indicators: [deceit, debt_bondage,");
        folder.edit(BEFORE, "exits: [helpline, agency_register,", "exits: [hotline, agency_register,");

        assertProblem(BEFORE, "before_departure", "signs", "'deceit' is not an indicator or group in indicators.yaml");
        assertProblem(BEFORE, "before_departure", "exits", "'hotline' is not one of the exitKinds");
    }

    @Test
    void aContactEntryWithoutSourceOrDateIsRefused() {
        String de = folder.read("countries/de.yaml");
        folder.write("countries/de.yaml", de.replaceFirst("    source: \"Italian Ministry[^\n]*\n", "").replaceFirst("    checked: 2026-12-01\n", ""));

        assertProblem("countries/de.yaml", null, null, "options[0] (de_112): source is missing");
        assertProblem("countries/de.yaml", null, null, "options[0] (de_112): checked is missing");
    }

    @Test
    void anEntryMustSayWhetherItIsVerified() {
        folder.edit("countries/gb.yaml", "    checked: 2026-12-01\n    verified: true\n\n  - id: gb_switchboard",
                "    checked: 2026-12-01\n\n  - id: gb_switchboard");

        assertProblem("countries/gb.yaml", null, null, "options[0] (gb_999): verified is missing");
    }

    @Test
    void onlyAnOfficialSourceMakesAnEntryVerified() {
        folder.edit("countries/de.yaml", "    sourceType: official_reprint\n    sourceDate: \"2026-02-11\"\n    checked: 2026-12-01\n    verified: false\n\n  - id: de_embassy_berlin",
                "    sourceType: official_reprint\n    sourceDate: \"2026-02-11\"\n    checked: 2026-12-01\n    verified: true\n\n  - id: de_embassy_berlin");

        assertProblem("countries/de.yaml", null, null, "(de_switchboard): verified: true needs an official source");
    }

    @Test
    void aNumberNotConfirmedSaysWhereToCheckIt() {
        folder.edit("countries/pl.yaml", "    checkAt: \"varsovia.mae.ro\"\n    text:\n      ro: \"Telefonul de permanență",
                "    text:\n      ro: \"Telefonul de permanență");

        assertProblem("countries/pl.yaml", null, null, "(pl_embassy_varsovia): a number not confirmed needs checkAt");
    }

    @Test
    void anEmbassyNamesItsCityAndEveryEntryTheSentenceToInsert() {
        folder.edit("countries/dk.yaml", "    city: { ro: \"Copenhaga\", en: \"Copenhagen\" }\n", "");
        folder.edit("countries/dk.yaml", "      en: \"In Denmark the Centre against Human Trafficking has the hotline +45 70 20 25 50 (and cmm@sbst.dk).\"\n", "");

        assertProblem("countries/dk.yaml", null, null, "(dk_embassy_copenhaga).city (the city of the embassy or consulate) is missing");
        assertProblem("countries/dk.yaml", null, null, "(dk_cmm).message has no en text");
    }

    @Test
    void twoEntriesOfACountryMayNotShareAnId() {
        folder.edit("countries/no.yaml", "  - id: no_rosa", "  - id: no_112");

        assertProblem("countries/no.yaml", null, null, "(no_112): another entry of this country has the same id");
    }

    @Test
    void aLoopWithNoWayOutIsRefused() {
        folder.edit(BEFORE, "    next: contract_before_departure\n\n  - id: contract_before_departure",
                "    next: documents_stay\n\n  - id: contract_before_departure");

        assertProblem(BEFORE, "before_departure", "documents_stay", "never reaches an end step");
        assertProblem(BEFORE, "before_departure", "documents_stay", "loops back to itself without a question");
    }

    @Test
    void aStepNothingLeadsToIsNamed() {
        folder.edit(BEFORE, "        next: individual_recruiter", "        next: fee");

        assertProblem(BEFORE, "before_departure", "individual_recruiter", "is never reached from the start step");
    }

    @Test
    void whatAStepEstablishesUsesTheReferralsValues() {
        folder.edit(BEFORE, "        next: agency_register", "        next: agency_register\n        establishes: { age: teen, consent: maybe }");

        assertProblem(BEFORE, "before_departure", "offer_from", "answer 'agency'.establishes.age: 'teen' is not one of adult, minor, unknown");
        assertProblem(BEFORE, "before_departure", "offer_from", "answer 'agency'.establishes.consent: 'maybe' is not one of given, refused");
    }

    @Test
    void aMissingChildIsNeverEstablishedAsAnAdult() {
        folder.edit("scripts/minor.yaml", "establishes: { missingChild: true, urgency: immediate_danger }",
                "establishes: { missingChild: true, age: adult }");

        assertProblem("scripts/minor.yaml", "minor", "situation", "answer 'missing'.establishes: a missing child is not an adult");
    }

    @Test
    void theOrdinaryLabourScriptMayNotRefer() {
        folder.edit("scripts/labour_rights.yaml", "  - id: advice\n    type: say",
                "  - id: advice\n    type: referral\n    route: adult");

        assertProblem("scripts/labour_rights.yaml", "labour_rights", "advice", "referral: never");
    }

    @Test
    void aMistypedFieldNamesTheStepAndTheField() {
        folder.edit(BEFORE, "    next: passport\n\n  - id: passport", "    nxt: passport\n\n  - id: passport");

        assertProblem(BEFORE, "before_departure", "no_fee", "steps[4].nxt: unknown field 'nxt'");
    }

    @Test
    void brokenYamlNamesTheLine() {
        folder.edit(BEFORE, "title: { ro:", "title: { ro: [");

        assertThat(refused().getMessage()).contains(dir.resolve(BEFORE) + ": is not valid YAML at line 3");
    }

    @Test
    void aTextWrittenWithoutLanguagesIsExplained() {
        folder.edit("replies.yaml", "    label: { ro: \"Salut\", en: \"Greeting\" }", "    label: Greeting");

        assertProblem("replies.yaml", null, null, "write the text in every language");
    }
}
