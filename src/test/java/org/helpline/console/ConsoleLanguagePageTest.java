package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.referral.ReferralFixture;
import org.helpline.testing.FakeClock;
import org.helpline.testing.TestPartner;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.AccountFile;
import org.openqa.selenium.JavascriptExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The operator's language: one RO / EN switch for the console's own words (and the guidance by default), kept in the
 * operator's account on the server. What a person reads is checked against the console's words table and the content
 * the server serves in that language (test resource console/shown-words.js), never against sentences copied here.
 */
@DisplayName("operator console: the operator's language")
class ConsoleLanguagePageTest extends ConsolePageTests {
    private static final String SHOWN_WORDS = resource("/console/shown-words.js");
    /** What the page shows that is data, not words: display names, the test partners. */
    private static final List<String> DATA = List.of("Ana", "Bogdan", "ANITP (test)", "DGASPC Cluj (test)", "NGO shelter (test)");

    private Path dir;
    private TestPartner partner;

    @Override
    protected TestServer serve(Path dir) {
        this.dir = dir;
        partner = TestPartner.up();
        return TestServer.start(dir, new FakeClock(), ReferralFixture.yaml(partner.endpoint(), ""), List.of(
                TestServer.operator("ana", "ro", "en").withConsoleLanguage("en"),
                TestServer.operator("bogdan", "en")));
    }

    @AfterEach
    void closePartner() {
        partner.close();
    }

    @Test
    void anOperatorSwitchesToRomanianAndEveryFlowReadsInRomanianAcrossSignIns() {
        console.logIn("ana");
        awaitLanguage("en");
        assertAllIn("en", "Ana's console in English, as her account says");

        console.click("#app [data-language=ro]");
        awaitLanguage("ro");
        assertThat(storedLanguage("ana")).as("kept in her account on the server").isEqualTo("ro");
        assertAllIn("ro", "signed in");

        console.click("#go-available");
        console.awaitText("#presence-state", console.word("operatorState", "available"));
        server.commands().contact(new Command.Enqueue(new NewContact(Channel.CHAT, "ro", "abroad_in_trouble", Priority.NORMAL, null))).await();
        console.awaitText("#offers article", console.word("topic", "abroad_in_trouble"));
        assertAllIn("ro", "an offer");

        console.click("#offers article button.accept");
        console.awaitText("#contact-title", console.word("contactState", "connected"));
        console.visible("#script-step .step-text");
        assertAllIn("ro", "the script");

        console.click("#tab-exits");
        console.select("#country-select", "DE");
        console.visible("#exit-results li[data-option]");
        assertAllIn("ro", "exit options", "DE");

        console.click("#tab-indicators");
        console.click("#panel-ind-retention_of_documents");
        console.click("#open-referral");
        console.select("#referral-age", "adult");
        console.select("#referral-kind", "domestic_servitude");
        console.type("#referral-country", "DE");
        console.select("#referral-county", "IS");
        console.select("#referral-urgency", "urgent");
        console.click("label[for=referral-explained-rights]");
        console.click("label[for=referral-consent-yes]");
        assertAllIn("ro", "the referral form", "DE");
        console.click("#referral-send");
        console.awaitText("#referral-result", console.word("decision", "consent_not_informed"));
        assertAllIn("ro", "the referral's decision and its reasons", "DE");

        console.click("#end-contact");
        console.visible("#end-dialog");
        assertAllIn("ro", "asked before ending", "DE");
        console.click("#end-dialog button[value=end]");
        console.awaitText("#contact-title", console.word("contactState", "wrap_up"));
        console.click("#tab-exits");
        assertAllIn("ro", "wrap-up", "DE");
        console.select("#wrapup-outcome", "advice_given");
        console.click("#wrapup-form button[type=submit]");
        console.awaitText("#contact-title", console.say("noContactOpen"));

        console.click("#logout");
        console.visible("#login-form");
        assertAllIn("ro", "the login page after signing out");

        // Another operator on the same computer reads his own language: English, his account's only language.
        console.logIn("bogdan");
        awaitLanguage("en");
        assertAllIn("en", "another operator's console");
        console.click("#logout");

        console.logIn("ana");
        awaitLanguage("ro");
        console.awaitText("#presence-state", console.word("operatorState", "offline"));
        assertAllIn("ro", "signed in again");
        assertThat(browser.script("return localStorage.length + sessionStorage.length")).as("nothing kept in the browser").isEqualTo(0L);
    }

    @Test
    void aChoiceMadeOnTheLoginPageIsKeptAtSignIn() {
        browser.driver().get("http://localhost:" + server.port() + "/console/");
        console.click("#login-view [data-language=ro]");
        awaitLanguage("ro");
        assertAllIn("ro", "the login page");

        console.type("#login-name", "bogdan"); // on this page: a reload would forget the choice, as it should
        console.type("#login-password", TestServer.PASSWORD, Keys.ENTER);
        browser.await(d -> d.findElements(By.cssSelector("#app:not([hidden])")).size() == 1);
        awaitLanguage("ro");
        assertThat(storedLanguage("bogdan")).isEqualTo("ro");
        assertAllIn("ro", "Bogdan's console after choosing Romanian before signing in");
    }

    private void awaitLanguage(String language) {
        browser.await(d -> language.equals(browser.script("return document.documentElement.lang"))
                && d.findElements(By.cssSelector("[data-language=" + language + "][aria-pressed=true]")).size() == 2);
        browser.await(d -> d.findElements(By.cssSelector("#login-view:not([hidden]), #app:not([hidden])")).size() == 1);
    }

    /** Every word a person reads on the page, in this language: none foreign to it, no code, no phrase of the other. */
    @SuppressWarnings("unchecked")
    private void assertAllIn(String language, String when, String... countries) {
        assertThat(browser.script("return document.documentElement.lang")).as(when).isEqualTo(language);
        Map<String, Object> result = (Map<String, Object>) ((JavascriptExecutor) browser.driver())
                .executeAsyncScript(SHOWN_WORDS, DATA, List.of(countries));
        assertThat(result.get("error")).as(when + ": the check ran").isNull();
        assertThat((Long) result.get("shown")).as(when + ": texts read").isPositive();
        assertThat((List<String>) result.get("foreign")).as(when + ": words not in the %s words or content", language).isEmpty();
        assertThat((List<String>) result.get("codes")).as(when + ": codes on screen").isEmpty();
        assertThat((List<String>) result.get("otherLanguage")).as(when + ": the other language's phrases").isEmpty();
    }

    /** The language kept in the account file on disk. */
    private String storedLanguage(String name) {
        return new AccountFile(dir.resolve("accounts.json")).find(name).orElseThrow().consoleLanguage();
    }

    private static String resource(String path) {
        try (InputStream in = ConsoleLanguagePageTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
