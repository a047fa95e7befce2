package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.helpline.core.Channel;
import org.helpline.testing.Browser;
import org.helpline.testing.FakeClock;
import org.helpline.testing.Screenshot;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Three real headless Chromiums: a caller's chat page, the operator's console and the supervisor view. The
 * supervisor whispers to the operator (the caller never sees it) and then joins the chat (the caller sees the
 * helpline's line, the operator sees it under the supervisor's name). The last steps write the README's pictures.
 */
@DisplayName("a supervisor whispers to an operator and joins the chat")
class SupervisorInChatPageTest {
    private static final PasswordHash CHEAP_HASH = new PasswordHash(1000);
    private TestServer server;
    private Browser callerBrowser;
    private Browser consoleBrowser;
    private Browser supervisorBrowser;

    @BeforeEach
    void start(@TempDir Path dir) {
        server = TestServer.start(dir, new FakeClock(), "", List.of(
                new Account("ana", Role.OPERATOR, CHEAP_HASH.hash(TestServer.PASSWORD), Set.of("en", "ro"), Set.of(Channel.CHAT),
                        null, null, "Ana", false).withConsoleLanguage("en"),
                new Account("sofia", Role.SUPERVISOR, CHEAP_HASH.hash(TestServer.PASSWORD), Set.of(), Set.of(), null, null,
                        "Sofia", false).withConsoleLanguage("en")));
        callerBrowser = Browser.start();
        consoleBrowser = Browser.start();
        supervisorBrowser = Browser.start();
    }

    @AfterEach
    void stop() {
        try (Browser a = callerBrowser; Browser b = consoleBrowser; Browser c = supervisorBrowser) {
            server.close();
        }
    }

    private String callerMessages() {
        return (String) callerBrowser.script("return [...document.querySelectorAll('#messages .msg')]"
                + ".map(m => m.querySelector('.msg__who').textContent + ': ' + m.querySelector('.msg__text').textContent).join('\\n')");
    }

    private WebElement supervisorSees(String css) {
        return supervisorBrowser.await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    @Test
    void theWhisperStaysWithTheOperatorAndTheSupervisorsLineReachesTheCallerAsTheHelplines() {
        Screenshot.viewport(consoleBrowser, 1366, 900);
        ConsolePage ana = new ConsolePage(consoleBrowser, server);
        ana.logInAndBecomeAvailable("ana");

        Screenshot.viewport(callerBrowser, 390, 844);
        callerBrowser.driver().get("http://localhost:" + server.port() + "/chat/?lang=en");
        callerBrowser.await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        callerBrowser.driver().findElement(By.cssSelector("input[name=topic][value=abroad_in_trouble]")).click();
        callerBrowser.driver().findElement(By.cssSelector("input[name=danger][value=no]")).click();
        callerBrowser.driver().findElement(By.cssSelector("#prechat button[type=submit]")).click();

        ana.click("#offers article button.accept");
        ana.awaitText("#contact-title", "in conversation");
        callerBrowser.await(d -> d.findElement(By.id("status")).getText().equals("Ana is answering you."));
        WebElement box = callerBrowser.driver().findElement(By.id("text"));
        box.sendKeys("My employer in Germany kept my passport", Keys.ENTER);
        ana.awaitText("#transcript", "kept my passport");
        ana.type("#say-input", "Are you safe where you are now?", Keys.ENTER);
        callerBrowser.await(d -> callerMessages().contains("Ana: Are you safe where you are now?"));

        Screenshot.viewport(supervisorBrowser, 1366, 900);
        supervisorBrowser.driver().get("http://localhost:" + server.port() + "/supervisor/");
        supervisorSees("#login-name").sendKeys("sofia");
        supervisorBrowser.driver().findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        supervisorSees("#conversations button.read").click();
        supervisorBrowser.await(d -> d.findElement(By.id("chat-transcript")).getText().contains("kept my passport"));

        supervisorSees("#chat-text").sendKeys("Ask whether she can reach the consulate in Munich");
        supervisorSees("#chat-whisper").click();
        supervisorBrowser.await(d -> d.findElement(By.id("chat-status")).getText().equals("Whispered to the operator."));
        ana.awaitText("#transcript li.from-whisper", "Ask whether she can reach the consulate in Munich");
        assertThat(ana.text("#transcript li.from-whisper")).contains("Whisper from Sofia (supervisor; the caller does not see it)");

        supervisorSees("#chat-text").sendKeys("This is the helpline: you can write to us safely at any time.");
        supervisorSees("#chat-join").click();
        callerBrowser.await(d -> callerMessages().contains("Helpline: This is the helpline: you can write to us safely at any time."));
        ana.awaitText("#transcript", "Sofia (supervisor, to the caller)");
        supervisorBrowser.await(d -> d.findElement(By.id("chat-transcript")).getText().contains("Sofia (supervisor)"));

        ana.type("#say-input", "Sofia, our supervisor, is with us. Can you reach the consulate?", Keys.ENTER);
        callerBrowser.await(d -> callerMessages().contains("Ana: Sofia, our supervisor, is with us."));
        assertThat(callerMessages()).as("the caller never sees the whisper").doesNotContain("consulate in Munich")
                .doesNotContain("Whisper");
        assertThat((String) callerBrowser.script("return document.body.innerHTML")).doesNotContain("Munich");

        Screenshot.save(consoleBrowser, "console");
        Screenshot.save(callerBrowser, "caller-chat");
    }
}
