package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.helpline.config.ReferralConfig;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.ContactState;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.referral.ReferralFixture;
import org.helpline.testing.Browser;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.TestPartner;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The console's referral form in a real headless Chromium, against the real server and a partner's webhook. */
@DisplayName("operator console: referral form")
class ConsoleReferralPageTest {
    private static final String SUMMARY = "Construction worker, documents kept by the employer, three months unpaid.";
    private static final String REACH = "+31 6 1234 5678";

    @TempDir
    Path dir;
    private TestPartner partner;
    private TestServer server;
    private Browser browser;
    private ConsolePage console;

    @BeforeEach
    void start() {
        partner = TestPartner.up();
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        try {
            browser.close();
        } finally {
            if (server != null) {
                server.close();
            }
            partner.close();
        }
    }

    private final FakeClock clock = new FakeClock();

    private void serve(String yaml) {
        serve(yaml, "en");
    }

    private void serve(String yaml, String consoleLanguage) {
        server = TestServer.start(dir, clock, yaml, List.of(TestServer.operator("ana", "ro", "en").withConsoleLanguage(consoleLanguage)));
        console = new ConsolePage(browser, server);
    }

    /** A chat arrives and Ana takes it; the referral form of that chat is open. */
    private void takeAChatAndOpenTheReferralForm() {
        takeAChat("abroad");
        console.click("#open-referral");
    }

    /** A chat on this topic arrives and Ana takes it; its script is open. */
    private void takeAChat(String topic) {
        console.logInAndBecomeAvailable("ana");
        server.commands().contact(new Command.Enqueue(new NewContact(Channel.CHAT, "ro", topic, Priority.NORMAL, null))).await();
        console.click("#offers article button.accept");
        console.awaitText("#contact-title", "in conversation");
        console.select("#guidance-language", "en");
    }

    private void answer(String answerId) {
        console.click("#script-step button[data-answer=" + answerId + "]");
    }

    private String value(String css) {
        return (String) browser.script("return document.querySelector(arguments[0]).value", css);
    }

    private void fillTheRequiredFields(String urgency) {
        console.select("#referral-age", "adult");
        console.select("#referral-kind", "labour");
        console.type("#referral-country", "NL");
        console.select("#referral-county", "IS");
        console.select("#referral-urgency", urgency);
    }

    private String fieldValues() {
        return (String) browser.script("return [...document.querySelectorAll('input, select, textarea')].map(e => e.value).join('|')");
    }

    /** What a person reads on the page (the visible text and every choice list's options): no code among it. */
    @SuppressWarnings("unchecked")
    private void assertNoCodeShown(String when) {
        String shown = (String) browser.script("return document.body.innerText + '\\n' + [...document.querySelectorAll('select')]"
                + ".filter(s => s.offsetParent).flatMap(s => [...s.options].map(o => o.text)).join('\\n')");
        assertThat(shown).as(when).doesNotContainPattern("\\b[a-z]+_[a-z_]+\\b");
        List<String> counties = (List<String>) browser.script(
                "return [...document.querySelectorAll('#referral-county option')].map(o => o.text)");
        assertThat(counties).as(when + ": counties by name").doesNotContainAnyElementsOf(ReferralConfig.COUNTIES);
    }

    @ParameterizedTest(name = "console in {0}")
    @ValueSource(strings = {"en", "ro"})
    void theConsoleShowsNamesNeverCodesFromTheOfferToTheWrapUp(String language) {
        serve(ReferralFixture.yaml(partner.endpoint(), ""), language);
        console.logInAndBecomeAvailable("ana");
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo(language);
        server.commands().contact(new Command.Enqueue(new NewContact(Channel.CHAT, "ro", "abroad_in_trouble", Priority.NORMAL, null))).await();
        String chat = console.word("channel", "chat");
        String romanian = console.word("language", "ro");
        String topic = console.word("topic", "abroad_in_trouble");
        assertThat(topic).as("a name, not the code").isNotEqualTo("abroad in trouble");
        console.awaitText("#offers", chat + " · " + romanian + " · " + topic);
        assertNoCodeShown("an offer");

        console.click("#offers article button.accept");
        console.awaitText("#contact-title", chat + " — " + console.word("contactState", "connected"));
        assertThat(console.text("#contact-facts")).contains(romanian).contains(topic);
        assertNoCodeShown("an open contact");

        console.click("#open-referral");
        fillTheRequiredFields("normal");
        assertThat((String) browser.script("return document.querySelector('#referral-county').selectedOptions[0].text")).isEqualTo("Iași");
        assertThat((String) browser.script("return document.querySelector('#referral-kind').selectedOptions[0].text"))
                .isEqualTo(console.word("exploitation", "labour"));
        console.click("#referral-send");
        console.awaitText("#referral-result", console.word("decision", "not_presumed_victim"));
        assertThat(console.text("#referral-result")).contains(console.word("reason", "not_presumed_victim"));
        assertNoCodeShown("the referral form and its decision");

        console.endConversation();
        console.awaitText("#contact-title", chat + " — " + console.word("contactState", "wrap_up"));
        assertThat(console.text("#wrapup-outcome")).contains(console.word("outcome", "advice_given"))
                .contains(console.word("outcome", "emergency_services"));
        assertNoCodeShown("wrap-up");
    }

    @Test
    void wrapUpWaitsWhileTheReferralIsNotSent() {
        serve(ReferralFixture.yaml(partner.endpoint(), ""));
        takeAChatAndOpenTheReferralForm();
        console.endConversation();
        console.awaitText("#contact-title", "wrap-up");
        String id = console.visible("#contact-list [aria-current=true]").getAttribute("data-contact");
        java.time.Instant firstEnd = server.commands().locate(id).await().contact().deadline();

        clock.advance(java.time.Duration.ofSeconds(20));
        console.click("#open-referral");
        console.type("#referral-summary", "Lucrează fără plată de două luni.");
        console.awaitText("#wrapup-countdown", "kept open while your referral is not sent");
        Eventually.until(() -> server.commands().locate(id).await().contact().deadline().isAfter(firstEnd),
                "the page asks for more wrap-up time");

        clock.advance(java.time.Duration.ofSeconds(15));
        fillTheRequiredFields("normal");
        console.click("#tab-indicators");
        console.click("#panel-ind-retention_of_documents");
        console.click("#tab-referral");
        console.click("#referral-send");
        console.awaitText("#referral-result", "No referral: the person did not consent");
        assertThat(server.commands().locate(id).await().contact().state()).isEqualTo(ContactState.WRAP_UP);
        assertThat(console.text("#contact-title")).contains("wrap-up");
    }

    @Test
    void anOperatorRefersAnAdultWhoConsentedAndThePartnerReceivesIt() {
        serve(ReferralFixture.yaml(partner.endpoint(), ""));
        takeAChatAndOpenTheReferralForm();
        console.click("#tab-indicators");
        console.click("#panel-ind-retention_of_documents");
        console.click("#tab-referral");
        console.awaitText("#referral-indicators", "Indicators ticked (1)");

        fillTheRequiredFields("urgent");
        console.click("label[for=referral-needs-shelter]");
        for (String explained : List.of("rights", "help_without_complaint", "what_is_shared", "who_receives", "withdraw_any_time")) {
            console.click("label[for=referral-explained-" + explained + "]");
        }
        assertThat(console.visible("#referral-way").isEnabled()).as("no way to reach the person without consent").isFalse();
        console.click("label[for=referral-consent-yes]");
        console.select("#referral-way", "phone");
        console.type("#referral-reach-value", REACH);
        console.type("#referral-reach-window", "weekdays 18:00-20:00 NL time");
        console.type("#referral-summary", SUMMARY);
        console.awaitText("#referral-summary-count", SUMMARY.length() + " / 500 characters");
        console.click("#referral-send");

        console.awaitText("#referral-result", "Referral made.");
        String reference = console.visible("#referral-result .reference strong").getText();
        assertThat(reference).matches("HLP-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}");
        assertThat(console.text("#referral-result")).contains("to ANITP (test)").contains("A presumed victim");
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus on the decision")
                .isEqualTo("referral-decision-title");
        assertThat(console.visible("#referral-send").isEnabled()).as("sent once only").isFalse();
        console.awaitText("#referral-mine", reference);

        Eventually.until(() -> partner.accepted().contains(reference), "the partner receives the referral");
        assertThat(partner.received().getFirst().text()).contains(SUMMARY).contains(REACH).contains("\"recordedBy\":\"ana\"");

        // Wrap-up: nothing of the form stays on the page; the list of statuses (no content) does.
        console.endConversation();
        console.select("#wrapup-outcome", "referred");
        console.click("#wrapup-form button[type=submit]");
        console.awaitText("#contact-title", "No contact open");
        assertThat(console.text("#referral-result")).isEmpty();
        assertThat(fieldValues()).doesNotContain(SUMMARY).doesNotContain(REACH).doesNotContain("NL");
        assertThat((String) browser.script("return document.body.textContent")).doesNotContain(SUMMARY).doesNotContain("Referral made");
        assertThat(browser.script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
        console.awaitText("#referral-mine", reference);
    }

    @Test
    void theSummaryCountsItsCharactersAndTheServersRefusalShowsBesideTheField() {
        serve(ReferralFixture.yaml(partner.endpoint(), ""));
        takeAChatAndOpenTheReferralForm();
        fillTheRequiredFields("immediate_danger");
        console.type("#referral-summary", "x".repeat(510));
        console.awaitText("#referral-summary-count", "510 / 500 characters: 10 too many");
        assertThat(console.visible("#referral-summary-count").getAttribute("class")).contains("over");
        assertThat(console.text("#referral-summary-hint")).contains("Do not type names, phone numbers or addresses");

        console.click("#referral-send");
        console.awaitText("#referral-summary-error", "summary: at most 500 characters");
        assertThat(console.visible("#referral-summary").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(console.text("#referral-result")).isEmpty();

        // Shortened, without consent: a decision that makes no referral, shown as a decision, 112 first.
        console.visible("#referral-summary").sendKeys(Keys.chord(Keys.CONTROL, "a"), "Locked in, afraid.");
        console.click("#tab-indicators");
        console.click("#panel-ind-restriction_of_movement");
        console.click("#tab-referral");
        console.click("#referral-send");
        console.awaitText("#referral-result", "No referral: the person did not consent");
        assertThat(browser.driver().findElements(By.cssSelector("#referral-result > p")).getFirst().getText())
                .as("immediate danger comes first").contains("112");
        assertThat(console.text("#referral-summary-error") + console.text("#referral-error")).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#referral-result .reference"))).isEmpty();
        assertThat(console.visible("#referral-send").isEnabled()).as("may send again once they consent").isTrue();
        assertThat(partner.received()).isEmpty();
    }

    @Test
    void aMotherReportingHerMissingDaughterIsCarriedIntoANotificationThePoliceAnd116000First() {
        serve(ReferralFixture.yaml(partner.endpoint(), ""));
        takeAChat("worried");
        answer("minor");
        console.awaitText("#script-step", "What is the child's situation now?");
        answer("missing");
        console.awaitText("#script-step", "116 000");
        console.click("#script-back");
        console.awaitText("#script-step", "What is the child's situation now?");
        console.click("#tab-referral");
        assertThat(console.visible("#referral-missing").isSelected()).as("Back undoes what the answer established").isFalse();
        assertThat(value("#referral-urgency")).isEmpty();
        assertThat(value("#referral-age")).as("the step itself still says it").isEqualTo("minor");
        console.click("#tab-script");
        answer("missing");
        console.awaitText("#script-step", "116 000");

        console.click("#tab-referral");
        assertThat(browser.driver().findElements(By.cssSelector("#referral-form > *")).stream()
                .filter(e -> e.isDisplayed()).findFirst().orElseThrow().getText())
                .as("the first thing the form shows").contains("A missing child").contains("112").contains("116 000");
        assertThat(value("#referral-basis")).isEqualTo("third_party");
        assertThat(console.text("#referral-basis-origin")).isEqualTo("From the script, step “Is the person you are worried about under 18?”");
        assertThat(value("#referral-age")).isEqualTo("minor");
        assertThat(console.text("#referral-age-origin")).isEqualTo("From the script, step “What is the child's situation now?”");
        assertThat(console.visible("#referral-missing").isSelected()).isTrue();
        assertThat(value("#referral-urgency")).isEqualTo("immediate_danger");
        assertThat(console.text("#referral-urgency-origin")).contains("answer “Missing: nobody knows where the child is”");
        assertThat(console.visible("#referral-reporter").isDisplayed()).as("the reporter's consent, not the child's").isTrue();
        assertThat(browser.driver().findElement(By.id("referral-consent")).isDisplayed()).isFalse();
        assertThat(console.text("#referral-reach-legend")).contains("reporter");

        // The operator learns the age is not certain: she corrects it, and the form says so.
        console.select("#referral-age", "unknown");
        console.awaitText("#referral-age-origin", "Corrected by you. From the script, step “What is the child's situation now?”, it was: Minor (under 18)");
        console.select("#referral-kind", "sexual");
        console.type("#referral-country", "DE");
        console.select("#referral-county", "CJ");
        console.click("label[for=referral-reporter-yes]");
        console.select("#referral-way", "phone");
        console.type("#referral-reach-value", "0744 000 111");
        console.type("#referral-reach-window", "any time");
        console.click("#referral-send");

        console.awaitText("#referral-result", "Notification sent");
        assertThat(browser.driver().findElements(By.cssSelector("#referral-result > p")).getFirst().getText())
                .as("the decision says it first").contains("A missing child").contains("116 000");
        assertThat(browser.driver().findElements(By.cssSelector("#referral-result .reference"))).hasSize(2);
        assertThat(console.text("#referral-result")).contains("Notification to the national agency · to ANITP (test)")
                .contains("Child protection · to DGASPC Cluj (test)");
        Eventually.until(() -> partner.accepted().size() == 2, "the agency and child protection receive it");
        for (TestPartner.Received received : partner.received()) {
            assertThat(received.text()).contains("\"type\":\"notification\"").contains("\"basis\":\"third_party\"")
                    .contains("\"age\":\"presumed_minor\"").contains("\"missingChild\":true")
                    .contains("\"consentToContact\":true").contains("0744 000 111");
        }

        console.endConversation();
        console.select("#wrapup-outcome", "referred");
        console.click("#wrapup-form button[type=submit]");
        console.awaitText("#contact-title", "No contact open");
        assertThat((String) browser.script("return document.body.textContent")).as("nothing carried stays after wrap-up")
                .doesNotContain("Corrected by you").doesNotContain("From the script").doesNotContain("0744");
    }

    @Test
    void aSurvivorWhoSaysWhatHappenedIsReferredWithTheConsentTheScriptRecorded() {
        serve(ReferralFixture.yaml(partner.endpoint(), ""));
        takeAChat("survivor");
        answer("safe"); // the survivor's script asks about safety first
        answer("assistance");
        console.click("#script-step button.next");
        answer("wants_referral");
        console.click("#script-step button.next");
        answer("consents");
        console.awaitText("#script-step", "Referral to ANITP, with consent");

        console.click("#tab-referral");
        assertThat(value("#referral-basis")).isEqualTo("self_identified");
        assertThat(console.text("#referral-indicators")).contains("none is needed when the person says what happened to them");
        assertThat(console.visible("#referral-consent-yes").isSelected()).isTrue();
        assertThat(console.text("#referral-consent-origin")).isEqualTo("From the script, step “Does the person give informed consent to referral?”, answer “Yes, consents”");
        assertThat(console.visible("#referral-way").isEnabled()).as("consent carried: a way to reach them may be given").isTrue();
        console.select("#referral-age", "adult");
        console.select("#referral-kind", "labour");
        console.type("#referral-country", "RO");
        console.select("#referral-urgency", "normal");
        for (String explained : List.of("rights", "help_without_complaint", "what_is_shared", "who_receives", "withdraw_any_time")) {
            console.click("label[for=referral-explained-" + explained + "]");
        }
        console.click("#referral-send");

        console.awaitText("#referral-result", "Referral made.");
        assertThat(console.text("#referral-result")).contains("says what happened to them");
        Eventually.until(() -> partner.accepted().size() == 1, "the partner receives it");
        assertThat(partner.received().getFirst().text()).contains("\"basis\":\"self_identified\"");
    }

    @Test
    void theKindOfExploitationTheScriptEstablishedIsCarriedIntoTheForm() {
        serve(ReferralFixture.yaml(partner.endpoint(), ""));
        takeAChat("abroad");
        answer("not_now");
        answer("can_leave");
        answer("has_means");
        console.awaitText("#script-step", "What kind of work or exploitation do they describe?");
        answer("domestic");

        console.click("#tab-referral");
        assertThat(value("#referral-kind")).isEqualTo("domestic_servitude");
        assertThat(console.text("#referral-kind-origin")).startsWith("From the script, step “Ask what happened")
                .endsWith("answer “Work in someone's home, living there”");
        console.select("#referral-kind", "labour");
        console.awaitText("#referral-kind-origin", "Corrected by you.");
        assertThat(console.text("#referral-kind-origin")).endsWith("it was: Domestic servitude");
    }

    @Test
    void withReferralSwitchedOffTheFormSaysSoPlainly() {
        serve("");
        console.logIn("ana");
        console.click("#tab-referral");

        console.awaitText("#referral-off", "Referral is not configured on this server");
        assertThat(console.text("#referral-off")).contains("Ask your supervisor");
        assertThat(browser.driver().findElement(By.id("referral-form")).isDisplayed()).isFalse();
    }
}
