package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.testing.FakeClock;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/** The operator console in a real headless Chromium, against the real server. */
@DisplayName("operator console page /console/")
class ConsolePageTest extends ConsolePageTests {
    @Override
    protected TestServer serve(Path dir) {
        return anaInEnglish(dir);
    }

    private Contact chatArrives(String topic) {
        return server.commands().contact(new Command.Enqueue(
                new NewContact(Channel.CHAT, "ro", topic, Priority.NORMAL, null))).await();
    }

    @Test
    void anOperatorTakesAChatWalksTheScriptLooksUpExitOptionsAndWrapsUp() {
        console.logInAndBecomeAvailable("ana");
        chatArrives("departure");

        console.awaitText("#offers article", "New chat");
        console.awaitText("#offers article", "Romanian · before departure");
        console.awaitText("#offers article", "left to answer");
        console.click("#offers article button.accept");
        console.awaitText("#contact-title", "in conversation");

        // The script for the contact's topic starts by itself.
        assertThat(new Select(page.findElement(By.id("script-select"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("before_departure");
        console.click("#script-step [data-answer=individual]");
        console.awaitText("#script-step", "A person recruiting on social media"); // guidance in the console's language
        console.click("#script-step button.insert");
        browser.await(d -> d.findElement(By.id("say-input")).getAttribute("value").startsWith("Cereți numele complet"));
        console.click("#script-step button.next");
        console.click("#script-step [data-answer=asked_to_pay]");
        console.awaitText("#script-step", "232/2017");

        // Indicators ticked in the panel drive the script's branch.
        page.findElement(By.id("tab-indicators")).click();
        console.click("#panel-ind-retention_of_documents");
        page.findElement(By.id("tab-script")).click();

        // Exit options for a country: verified numbers, and what is still to be confirmed.
        page.findElement(By.id("tab-exits")).click();
        new Select(console.visible("#country-select")).selectByValue("DE");
        console.awaitText("#exit-results", "+40 21 313 3100");
        assertThat(page.findElement(By.id("exit-results")).getText()).contains("112", "Faire Mobilität");
        new Select(page.findElement(By.id("country-select"))).selectByValue("GB");
        console.awaitText("#exit-results .unverified", "To be confirmed");
        assertThat(page.findElement(By.id("exit-results")).getText()).contains("999");

        // Keyboard shortcuts are documented on the page.
        page.findElement(By.tagName("body")).sendKeys("?");
        assertThat(console.visible("#shortcuts-dialog").getText()).contains("Accept the oldest offer");
        page.findElement(By.cssSelector("#shortcuts-dialog button")).click();

        console.endConversation();
        new Select(console.visible("#wrapup-outcome")).selectByValue("advice_given");
        page.findElement(By.cssSelector("label[for=tag-job_offer]")).click();
        page.findElement(By.cssSelector("#wrapup-form button[type=submit]")).click();

        console.awaitText("#contact-title", "No contact open");
        assertThat(page.findElement(By.id("end-contact")).isDisplayed()).isFalse();
        assertThat(server.monitor("/metrics").bodyAsString())
                .contains("helpline_contacts_finished_total{channel=\"chat\",outcome=\"advice_given\"} 1.0");
        // Nothing of the contact is left on the page: no ticks, no draft, no script position.
        assertThat(page.findElement(By.id("say-input")).getAttribute("value")).isEmpty();
        assertThat(page.findElement(By.id("script-step")).getAttribute("textContent")).contains("Open a contact");
        assertThat(page.findElement(By.id("indicator-groups")).getAttribute("textContent")).contains("Open a contact");
        assertThat(browser.script("return localStorage.length + sessionStorage.length")).isEqualTo(0L);
    }

    /** Ana, available on the page, accepts a chat a caller starts on the chat socket; returns the caller. */
    private SocketProbe chatAcceptedOnThePage() {
        console.logInAndBecomeAvailable("ana");
        SocketProbe caller = SocketProbe.connect(server.sockets(), server.options("/chat/ws"));
        caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble").put("danger", false));
        caller.next("started");
        console.click("#offers article button.accept");
        console.awaitText("#contact-title", "in conversation");
        return caller;
    }

    @Test
    void aCallerAndTheOperatorTalkAndACannedReplyGoesOutInTheCallersLanguage() {
        SocketProbe caller = chatAcceptedOnThePage();
        assertThat(new Select(page.findElement(By.id("script-select"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("abroad_trouble");

        caller.send(new JsonObject().put("type", "say").put("text", "<b>Nu pot pleca</b>").put("id", 1));
        console.awaitText("#transcript li.from-caller", "<b>Nu pot pleca</b>");
        assertThat(page.findElements(By.cssSelector("#transcript b"))).as("caller text is shown as text, never as HTML").isEmpty();

        page.findElement(By.cssSelector("#tab-replies")).click();
        console.click("#reply-list [data-reply=greeting]");
        browser.await(d -> d.findElement(By.id("say-input")).getAttribute("value").startsWith("Bună ziua"));
        page.findElement(By.cssSelector("#say-form button[type=submit]")).click();

        console.awaitText("#transcript li.from-operator", "Bună ziua");
        assertThat(caller.next(m -> "message".equals(m.getString("type")) && "operator".equals(m.getString("from")), "the operator's message")
                .getString("text")).startsWith("Bună ziua, sunteți la linia gratuită");
        assertThat(page.findElement(By.id("say-input")).getAttribute("value")).isEmpty();
    }

    @Test
    void aTickBoxKeepsTheFocusWhileTheCallerWrites() {
        SocketProbe caller = chatAcceptedOnThePage();
        page.findElement(By.id("tab-indicators")).click();
        console.visible("#panel-ind-retention_of_documents").sendKeys(Keys.SPACE); // the keyboard user ticks a box

        caller.send(new JsonObject().put("type", "say").put("text", "Mi-au luat pașaportul").put("id", 1));
        console.awaitText("#transcript li.from-caller", "Mi-au luat pașaportul");

        assertThat(browser.script("return document.activeElement.id")).isEqualTo("panel-ind-retention_of_documents");
        assertThat(browser.script("return document.activeElement.checked")).isEqualTo(true);
    }

    @Test
    void aSupervisorCanReloadTheGuidanceFromThePage(@TempDir Path dir) {
        server.close();
        server = TestServer.start(dir, new FakeClock(), "", List.of(TestServer.supervisor("sofia").withConsoleLanguage("en")));
        console = new ConsolePage(browser, server);
        console.logIn("sofia");

        console.click("#reload-guidance");

        console.awaitText("#reload-result", "Guidance reloaded");
    }
}
