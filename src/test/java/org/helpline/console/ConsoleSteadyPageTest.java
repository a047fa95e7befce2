package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

/** The console does not move under the operator's hands (issue 14, §1), in a real headless Chromium at 1366×900. */
@DisplayName("operator console: a steady page")
class ConsoleSteadyPageTest extends ConsolePageTests {
    @Override
    protected TestServer serve(Path dir) {
        return anaInEnglish(dir);
    }

    @BeforeEach
    void laptopSizedWindow() {
        page.manage().window().setSize(new Dimension(1366, 900));
    }

    private SocketProbe callerStarts(String topic) {
        SocketProbe caller = SocketProbe.connect(server.sockets(), server.options("/chat/ws"));
        caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", topic).put("danger", false));
        caller.next("started");
        return caller;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Number> box(String css) {
        return (Map<String, Number>) browser.script(
                "const r = document.querySelector(arguments[0]).getBoundingClientRect(); return { top: r.top, left: r.left };", css);
    }

    private String selectedTab() {
        return page.findElement(By.cssSelector("[role=tab][aria-selected=true]")).getAttribute("id");
    }

    @Test
    void aNewOfferMovesNothingAndTheSecondChatDoesNotTakeTheOneBeingTyped() {
        console.logInAndBecomeAvailable("ana");
        page.findElement(By.id("tab-indicators")).click();
        callerStarts("abroad_in_trouble");
        console.click("#offers article button.accept");
        console.awaitText("#contact-title", "in conversation");
        assertThat(selectedTab()).as("a newly accepted contact opens on the Script tab").isEqualTo("tab-script");

        console.type("#say-input", "Sunteți în siguranță");
        Map<String, Number> end = box("#end-contact");
        Map<String, Number> message = box("#say-input");
        Map<String, Number> tabs = box("#tab-script");

        callerStarts("before_departure");
        console.awaitText("#offers article", "New chat");
        assertThat(box("#end-contact")).isEqualTo(end);
        assertThat(box("#say-input")).isEqualTo(message);
        assertThat(box("#tab-script")).isEqualTo(tabs);
        assertThat(browser.script("return document.scrollingElement.scrollHeight <= window.innerHeight"))
                .as("the page itself does not scroll; its panes do").isEqualTo(true);

        console.click("#offers article button.accept");
        console.awaitText("#contact-list", "new contact");
        assertThat(page.findElement(By.id("say-input")).getAttribute("value")).isEqualTo("Sunteți în siguranță");
        assertThat(page.findElement(By.cssSelector("#contact-list [aria-current=true]")).getText()).contains("abroad and in trouble");
        assertThat(box("#end-contact")).isEqualTo(end);

        page.findElement(By.id("tab-exits")).click();
        console.click("#contact-list [data-arrived]");
        browser.await(d -> d.findElement(By.cssSelector("#contact-list [aria-current=true]")).getText().contains("before leaving to work abroad"));
        assertThat(selectedTab()).isEqualTo("tab-script");
        assertThat(page.findElements(By.cssSelector("#contact-list [data-arrived]"))).isEmpty();
    }

    @Test
    void endingAsksFirstAndKeepTalkingKeepsTheConversation() {
        console.logInAndBecomeAvailable("ana");
        SocketProbe caller = callerStarts("abroad_in_trouble");
        console.click("#offers article button.accept");
        console.awaitText("#contact-title", "in conversation");
        assertThat(page.findElement(By.id("end-contact")).getAttribute("class")).contains("secondary");

        console.click("#end-contact");
        console.awaitText("#end-dialog", "End this conversation?");
        page.findElement(By.cssSelector("#end-dialog button[value=cancel]")).click();
        assertThat(page.findElement(By.id("end-dialog")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("contact-title")).getText()).contains("in conversation");

        console.click("#end-contact");
        console.click("#end-dialog button[value=end]");
        console.awaitText("#contact-title", "wrap-up");
        caller.next(m -> m.getString("type").equals("ended"), "the caller is told the chat ended");
    }

    @Test
    void theOperatorSeesAtOnceThatTheCallersPageWentAway() {
        console.logInAndBecomeAvailable("ana");
        SocketProbe caller = callerStarts("abroad_in_trouble");
        console.click("#offers article button.accept");
        console.awaitText("#contact-title", "in conversation");
        assertThat(page.findElement(By.id("caller-away")).isDisplayed()).isFalse();

        caller.close();

        console.awaitText("#caller-away", "The caller's page closed or lost its connection");
        console.awaitText("#contact-list", "caller away");
        assertThat(page.findElement(By.id("contact-title")).getText()).contains("in conversation");
    }
}
