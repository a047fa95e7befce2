package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.helpline.core.Channel;
import org.helpline.testing.Browser;
import org.helpline.testing.DropProxy;
import org.helpline.testing.Eventually;
import org.helpline.testing.HelplineProcess;
import org.helpline.testing.RedisServer;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.AccountFile;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages across a kill -9 of the active server, in real Chromium, behind one address that sends each new
 * connection to the server answering /ready (as HAProxy does): the caller's chat page and the operator's console
 * reconnect by themselves and go on with the same conversation, every message shown once, and the supervisor view
 * says a switch-over happened.
 */
class TakeoverPagesTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    /** Deadlines, not timings: two JVMs and two browsers on a shared machine; the pages back off up to 15 s. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private final List<HelplineProcess> servers = new ArrayList<>();
    private DropProxy balancer;
    private Browser operatorsBrowser;
    private Browser supervisorsBrowser;

    @BeforeEach
    void start() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(new Account("ana", Role.OPERATOR, new PasswordHash(1000).hash(TestServer.PASSWORD), Set.of("ro", "en"),
                Set.of(Channel.CHAT), null, null, "Ana", false).withConsoleLanguage("en"));
        accounts.add(TestServer.supervisor("sofia"));
        balancer = DropProxy.start();
        balancer.forwardToReady(servers);
    }

    @AfterEach
    void stop() {
        if (operatorsBrowser != null) {
            operatorsBrowser.close();
        }
        if (supervisorsBrowser != null) {
            supervisorsBrowser.close();
        }
        servers.forEach(HelplineProcess::close);
        balancer.close();
    }

    @Test
    void theChatPageTheConsoleAndTheSupervisorViewCarryOnAcrossAKill() {
        HelplineProcess a = launch("a");
        until(a, a::ready, "becomes the active server");
        HelplineProcess b = launch("b");
        until(b, () -> "standby".equals(b.role()), "stands by, warm");

        operatorsBrowser = Browser.start();
        WebDriver page = operatorsBrowser.driver();
        logIn(page, "/console/", "ana");
        click(page, "#go-available");
        awaitText(page, "#presence-state", "Available");
        String console = page.getWindowHandle();
        page.switchTo().newWindow(WindowType.TAB);
        String chat = page.getWindowHandle();
        page.get(address() + "/chat/?lang=en");
        await(page, d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        page.findElement(By.cssSelector("input[name=topic][value=abroad_in_trouble]")).click();
        page.findElement(By.cssSelector("input[name=danger][value=no]")).click();
        page.findElement(By.cssSelector("#prechat button[type=submit]")).click();
        write(page, "before the switch");

        page.switchTo().window(console);
        click(page, "#offers article button.accept");
        awaitText(page, "#contact-title", "in conversation");
        awaitText(page, "#transcript li.from-caller", "before the switch");
        page.findElement(By.id("say-input")).sendKeys("an answer before it");
        page.findElement(By.cssSelector("#say-form button[type=submit]")).click();
        awaitText(page, "#transcript li.from-operator", "an answer before it");

        supervisorsBrowser = Browser.start();
        WebDriver view = supervisorsBrowser.driver();
        logIn(view, "/supervisor/", "sofia");
        visible(view, "#operators tr[data-operator=ana]");
        // the view notices a switch-over by the server's roleSince changing: it must have read the first one
        await(view, d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/health'))"));

        a.kill();
        until(b, b::ready, "takes over");

        page.switchTo().window(chat);
        awaitMessages(page, "You: before the switch", "Ana: an answer before it");
        write(page, "after the switch");
        page.switchTo().window(console);
        awaitText(page, "#transcript li.from-caller", "after the switch");
        for (String message : List.of("before the switch", "an answer before it", "after the switch")) {
            assertThat(page.findElements(By.cssSelector("#transcript li")).stream().filter(li -> li.getText().contains(message)))
                    .as("the console shows \"%s\" once", message).hasSize(1);
        }
        page.findElement(By.id("say-input")).sendKeys("an answer after it");
        page.findElement(By.cssSelector("#say-form button[type=submit]")).click();
        page.switchTo().window(chat);
        awaitMessages(page, "You: before the switch", "Ana: an answer before it", "You: after the switch",
                "Ana: an answer after it");

        awaitText(view, "#switch-over-text", "another server took over");
        assertThat(view.findElement(By.id("switch-over")).isDisplayed()).isTrue();
    }

    private String address() {
        return "http://localhost:" + balancer.port();
    }

    private void logIn(WebDriver page, String path, String name) {
        page.get(address() + path);
        visible(page, "#login-name").sendKeys(name);
        page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
    }

    private static void write(WebDriver page, String text) {
        var box = page.findElement(By.id("text"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    @SuppressWarnings("unchecked")
    private static List<String> messages(WebDriver page) {
        return (List<String>) ((JavascriptExecutor) page).executeScript(
                "return [...document.querySelectorAll('#messages .msg')].map(m => m.querySelector('.msg__who').textContent"
                        + " + ': ' + m.querySelector('.msg__text').textContent)");
    }

    /** The chat page shows exactly these messages, in this order (each once). */
    private static void awaitMessages(WebDriver page, String... expected) {
        try {
            await(page, d -> messages(page).equals(List.of(expected)));
        } catch (TimeoutException e) {
            assertThat(messages(page)).as("the chat page's messages").containsExactly(expected);
        }
    }

    private static <T> T await(WebDriver page, Function<WebDriver, T> condition) {
        return new WebDriverWait(page, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    private static WebElement visible(WebDriver page, String css) {
        return await(page, d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed)
                .findFirst().orElse(null));
    }

    private static void click(WebDriver page, String css) {
        await(page, d -> {
            visible(page, css).click();
            return true;
        });
    }

    private static void awaitText(WebDriver page, String css, String text) {
        await(page, d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    private static void until(HelplineProcess server, java.util.function.BooleanSupplier condition, String what) {
        try {
            Eventually.until(condition, server + " " + what, WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its output:\n" + server.output(), e);
        }
    }

    private HelplineProcess launch(String name) {
        HelplineProcess server = HelplineProcess.start(dir, name, TestServer.freePort(), address(), """
                auth: { accountsFile: "accounts.json", hashIterations: 1000 }
                telephony:
                  enabled: false
                  openingHours: { zone: UTC, weekly: { monday: "00:00-23:59", tuesday: "00:00-23:59", wednesday: "00:00-23:59",
                                  thursday: "00:00-23:59", friday: "00:00-23:59", saturday: "00:00-23:59", sunday: "00:00-23:59" } }
                routing: { tickInterval: 20ms }
                %s
                """.formatted(REDIS.leadershipStoreYaml(name)));
        servers.add(server);
        return server;
    }
}
