package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.chat.Chats.accepted;
import static org.helpline.chat.Chats.availableConsole;
import static org.helpline.chat.Chats.caller;
import static org.helpline.chat.Chats.operatorSays;
import static org.helpline.chat.Chats.pausedConsole;
import static org.helpline.chat.Chats.started;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import org.helpline.testing.Browser;
import org.helpline.testing.DropProxy;
import org.helpline.testing.FakeClock;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The caller's page in a real headless Chromium; the operator is a socket on /operator/ws. */
@DisplayName("the caller's chat page in Chromium")
class ChatPageTest {
    private final FakeClock clock = new FakeClock();
    private HttpServer neutral;
    private DropProxy proxy;
    private TestServer server;
    private Browser browser;

    @BeforeEach
    void start(@TempDir Path dir) throws IOException {
        neutral = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        neutral.createContext("/", exchange -> {
            byte[] page = "<!doctype html><title>Weather</title><p>Sunny, 21°C</p>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        // the helpline's own site, embedding the chat with embed.js
        neutral.createContext("/site", exchange -> {
            byte[] page = ("<!doctype html><title>Helpline</title><h1>Working abroad?</h1><p>Ask us.</p><script src=\"http://localhost:"
                    + server.port() + "/chat/embed.js\" data-lang=\"en\" data-title=\"Chat\"></script>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        neutral.start();
        proxy = DropProxy.start();
        server = TestServer.start(dir, clock, """
                chat: { sweepInterval: 20ms, quickExitUrl: "%s", allowedOrigins: ["http://localhost:%d"], rateLimit: { burst: 100 },
                        maxWaiting: 2, embedOrigins: ["%s"] }
                telephony: { enabled: false, openingHours: { holidays: ["2026-11-30", "12-01", "12-25"] } }
                """.formatted(neutralUrl(), proxy.port(), neutralOrigin()), List.of(Chats.operator("ana", "Ana", "ro", "en")));
        proxy.forwardTo(server.port());
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        browser.close();
        server.close();
        proxy.close();
        neutral.stop(0);
    }

    /** Waits for embed.js's frame on the site's page and for the chat in it to be ready, and looks inside. */
    private void enterEmbeddedChat() {
        WebElement frame = browser.await(d -> d.findElement(By.cssSelector("iframe[title=Chat]")));
        browser.driver().switchTo().frame(frame);
        browser.await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private String neutralOrigin() {
        return "http://127.0.0.1:" + neutral.getAddress().getPort();
    }

    private String neutralUrl() {
        return "http://127.0.0.1:" + neutral.getAddress().getPort() + "/weather";
    }

    private void open(int port, String query) {
        browser.driver().get("http://localhost:" + port + "/chat/" + query);
        browser.await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    private void startChat(String topic, boolean danger) {
        browser.driver().findElement(By.cssSelector("input[name=topic][value=" + topic + "]")).click();
        browser.driver().findElement(By.cssSelector("input[name=danger][value=" + (danger ? "yes" : "no") + "]")).click();
        browser.driver().findElement(By.cssSelector("#prechat button[type=submit]")).click();
    }

    private void write(String text) {
        WebElement box = browser.driver().findElement(By.id("text"));
        box.sendKeys(text);
        box.sendKeys(Keys.ENTER);
    }

    private String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    @SuppressWarnings("unchecked")
    private List<String> messages() {
        return (List<String>) browser.script(
                "return [...document.querySelectorAll('#messages .msg')].map(m => m.querySelector('.msg__who').textContent"
                        + " + ': ' + m.querySelector('.msg__text').textContent)");
    }

    private void awaitMessages(String... expected) {
        browser.await(d -> messages().equals(List.of(expected)));
    }

    private Object storage() {
        return browser.script("return sessionStorage.length + localStorage.length + document.cookie.length");
    }

    @Test
    void aCallerAndAnOperatorChatFromThePage() {
        SocketProbe ana = availableConsole(server, "ana");
        open(server.port(), "?lang=en");
        assertThat(browser.driver().getTitle()).isEqualTo("Chat with the helpline");
        assertThat(text("welcome")).contains("traces such as your browser history cannot always be fully erased");

        startChat("abroad_in_trouble", false);
        String contactId = accepted(ana);
        browser.await(d -> text("status").equals("Ana is answering you."));
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("text");

        write("My boss <b>kept</b> my passport");
        assertThat(ana.next("typing").getString("contactId")).isEqualTo(contactId);
        JsonObject heard = ana.next("message");
        assertThat(heard.getString("text")).isEqualTo("My boss <b>kept</b> my passport");
        browser.await(d -> "delivered".equals(browser.script("return document.querySelector('.msg--caller').dataset.state")));
        assertThat(browser.driver().findElement(By.cssSelector(".msg--caller .msg__meta")).getText()).endsWith("Delivered");

        ana.send(Chats.request("typing", contactId));
        browser.await(d -> text("typing").equals("Ana is typing…"));
        ana.send(operatorSays(contactId, "Are you safe now? <script>alert(1)</script>", 2));
        awaitMessages("You: My boss <b>kept</b> my passport", "Ana: Are you safe now? <script>alert(1)</script>");
        assertThat(browser.driver().findElements(By.cssSelector("#messages b, #messages script"))).isEmpty();
        assertThat(browser.script("return document.getElementById('messages').getAttribute('role')")).isEqualTo("log");

        ana.send(Chats.request("end", contactId).put("id", 3));
        browser.await(d -> text("finished-title").equals("The operator ended the conversation."));
        assertThat(browser.script("return document.activeElement.id")).isEqualTo("finished-title");
        assertThat(storage()).isEqualTo(0L);
    }

    @Test
    void afterAnEndedChatNeitherBackNorReloadBringsAnyOfItBack() {
        SocketProbe ana = availableConsole(server, "ana");
        open(server.port(), "?lang=en");
        startChat("worried_about_someone", false);
        String contactId = accepted(ana);
        write("my cousin Mirela is in Bari");
        ana.next("message");
        ana.send(Chats.operatorSays(contactId, "we will call the embassy line with you", 2));
        awaitMessages("You: my cousin Mirela is in Bari", "Ana: we will call the embassy line with you");
        browser.script("window.keptByTheBrowser = true");

        ana.send(Chats.request("end", contactId).put("id", 3));
        browser.await(d -> text("finished-title").equals("The operator ended the conversation."));
        assertThat(pageHolds("Mirela", "embassy line")).as("the ended chat, still on screen").isFalse();
        browser.driver().get(neutralUrl());
        browser.driver().navigate().back();
        browser.await(d -> d.getCurrentUrl().contains("/chat/"));
        browser.await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        assertThat(pageHolds("Mirela", "embassy line")).as("after Back").isFalse();
        assertThat(browser.driver().findElement(By.id("welcome")).isDisplayed()).isTrue();
        browser.driver().navigate().refresh();
        browser.await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(pageHolds("Mirela", "embassy line")).as("after a reload").isFalse();
        assertThat(storage()).isEqualTo(0L);
    }

    /** Whether any of the words is anywhere in the page: its text, its markup or a form field. */
    private boolean pageHolds(String... words) {
        String page = (String) browser.script("return document.documentElement.outerHTML + document.body.innerText"
                + " + [...document.querySelectorAll('textarea,input')].map(e => e.value).join(' ')");
        return java.util.Arrays.stream(words).anyMatch(page::contains);
    }

    @Test
    void quickExitLeavesNothingInHistoryOrStorage() {
        SocketProbe ana = availableConsole(server, "ana");
        open(server.port(), "?lang=en");
        long historyBefore = (Long) browser.script("return history.length");
        startChat("worried_about_someone", false);
        accepted(ana);
        write("a secret");
        ana.next("message");
        assertThat(storage()).isEqualTo(1L); // the resume token, in this tab only

        browser.driver().findElement(By.id("quick-exit")).click();

        browser.await(d -> d.getCurrentUrl().equals(neutralUrl()));
        assertThat((Long) browser.script("return history.length")).isEqualTo(historyBefore);
        browser.driver().navigate().back();
        browser.await(d -> !d.getCurrentUrl().equals(neutralUrl()));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/chat");
        browser.driver().navigate().forward();
        browser.await(d -> d.getCurrentUrl().equals(neutralUrl()));
        browser.driver().get("http://localhost:" + server.port() + "/health");
        assertThat(storage()).isEqualTo(0L);
        assertThat(ana.next(m -> "contact".equals(m.getString("type")), "the chat ending").getString("reason"))
                .isIn("left", "ended");
    }

    @Test
    void escapePressedTwiceIsAQuickExitToo() {
        open(server.port(), "?lang=ro");
        assertThat(text("exit-hint")).contains("Esc");

        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).sendKeys(Keys.ESCAPE).perform();

        browser.await(d -> d.getCurrentUrl().equals(neutralUrl()));
        browser.driver().navigate().back();
        browser.await(d -> !d.getCurrentUrl().equals(neutralUrl()));
        assertThat(browser.driver().getCurrentUrl()).doesNotContain("/chat");
    }

    @Test
    void onTheHelplinesSiteEscapePressedTwiceOutsideTheChatEndsItAndLeavesToo() {
        SocketProbe ana = availableConsole(server, "ana");
        browser.driver().get(neutralOrigin() + "/site");
        enterEmbeddedChat();
        startChat("worried_about_someone", false);
        accepted(ana);
        write("a secret");
        ana.next("message");
        assertThat(storage()).isEqualTo(1L);
        browser.driver().switchTo().defaultContent();
        browser.driver().findElement(By.tagName("h1")).click(); // the focus is on the site, not in the chat

        new Actions(browser.driver()).sendKeys(Keys.ESCAPE).sendKeys(Keys.ESCAPE).perform();

        browser.await(d -> d.getCurrentUrl().equals(neutralUrl()));
        assertThat(ana.next(m -> "contact".equals(m.getString("type")), "the chat ending").getString("reason"))
                .isIn("left", "ended");
        // back on the site in the same tab: the chat in its frame has nothing left to resume
        browser.driver().get(neutralOrigin() + "/site");
        enterEmbeddedChat();
        assertThat(storage()).as("the chat's resume token is gone from the tab").isEqualTo(0L);
    }

    @Test
    void aReloadResumesTheConversationWithoutLossOrDuplicates() {
        SocketProbe ana = availableConsole(server, "ana");
        open(server.port(), "?lang=en");
        startChat("before_departure", false);
        String contactId = accepted(ana);
        write("first");
        ana.next("message");
        ana.send(operatorSays(contactId, "second", 2));
        awaitMessages("You: first", "Ana: second");

        browser.driver().navigate().refresh();
        browser.await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        awaitMessages("You: first", "Ana: second");
        browser.await(d -> text("status").equals("Ana is answering you."));
        write("third");
        assertThat(ana.next(m -> "message".equals(m.getString("type")) && "caller".equals(m.getString("from")), "the caller's message")
                .getString("text")).isEqualTo("third");
        ana.send(operatorSays(contactId, "fourth", 3));
        awaitMessages("You: first", "Ana: second", "You: third", "Ana: fourth");
    }

    @Test
    void aDroppedConnectionResumesWithoutLossOrDuplicates() {
        SocketProbe ana = availableConsole(server, "ana");
        open(proxy.port(), "?lang=en");
        startChat("abroad_in_trouble", false);
        String contactId = accepted(ana);
        write("before the drop");
        ana.next("message");

        proxy.cut();
        browser.await(d -> text("status").equals("Connection lost. Reconnecting…"));
        write("written while offline");
        ana.send(operatorSays(contactId, "sent while you were away", 2));
        ana.next("ack");
        assertThat(browser.script("return document.querySelector('[data-state=sending]') !== null")).isEqualTo(true);
        proxy.restore();

        awaitMessages("You: before the drop", "Ana: sent while you were away", "You: written while offline");
        JsonObject late = ana.next(m -> "message".equals(m.getString("type")) && "caller".equals(m.getString("from")), "the offline message");
        assertThat(late.getString("text")).isEqualTo("written while offline");
        assertThat(late.getLong("seq")).isEqualTo(3);
        write("after");
        JsonObject after = ana.next(m -> "message".equals(m.getString("type")) && "caller".equals(m.getString("from")), "the next message");
        assertThat(after.getString("text")).isEqualTo("after");
        assertThat(after.getLong("seq")).isEqualTo(4);
    }

    @Test
    void aCallerInDangerSees112AtOnceAndIsQueuedUrgent() {
        SocketProbe ana = availableConsole(server, "ana");
        open(server.port(), "?lang=en");
        assertThat(browser.driver().findElement(By.id("danger-now")).isDisplayed()).isFalse();

        browser.driver().findElement(By.cssSelector("input[name=danger][value=yes]")).click();

        WebElement alert = browser.driver().findElement(By.id("danger-now"));
        assertThat(alert.isDisplayed()).isTrue();
        assertThat(alert.getDomAttribute("role")).isEqualTo("alert");
        assertThat(alert.findElement(By.cssSelector("a[href='tel:112']")).getText()).isEqualTo("Call 112");
        startChat("abroad_in_trouble", true);
        JsonObject offer = ana.next("offer").getJsonObject("contact");
        assertThat(offer.getString("priority")).isEqualTo("urgent");
        assertThat(browser.driver().findElement(By.id("danger-banner")).isDisplayed()).isTrue();
    }

    @Test
    void aCallerInDangerSees112FirstWhateverTheChatCannotDo() {
        open(server.port(), "?lang=en"); // nobody signed in for the language
        startChat("abroad_in_trouble", true);
        browser.await(d -> text("finished-title").startsWith("No advisor"));
        assert112ComesFirst();

        pausedConsole(server, "ana");
        started(caller(server), "en", "other", false);
        started(caller(server), "en", "other", false);
        open(server.port(), "?lang=en");
        startChat("abroad_in_trouble", false);
        browser.await(d -> text("finished-title").startsWith("All our advisors are busy"));
        assertThat(browser.driver().findElement(By.id("finished-danger")).isDisplayed()).as("only for those in danger").isFalse();
        open(server.port(), "?lang=en");
        startChat("abroad_in_trouble", true); // the cap never turns away someone in danger: they wait, 112 on top
        browser.await(d -> d.findElement(By.id("danger-banner")).isDisplayed());
        assertThat(browser.driver().findElement(By.id("finished")).isDisplayed()).as("not turned away").isFalse();
        ((JavascriptExecutor) browser.driver()).executeScript("sessionStorage.clear()"); // the next caller's own tab

        clock.advance(Duration.ofDays(5)); // Saturday
        open(server.port(), "?lang=en");
        startChat("abroad_in_trouble", true);
        browser.await(d -> text("finished-title").equals("The chat is closed right now."));
        assert112ComesFirst();

        open(server.port(), "?lang=en");
        startChat("abroad_in_trouble", false);
        browser.await(d -> text("finished-title").equals("The chat is closed right now."));
        assertThat(browser.driver().findElement(By.id("finished-danger")).isDisplayed()).as("only for those in danger").isFalse();
    }

    /** The first thing in the answer, read and seen, is the call to 112 with its tap-to-call link. */
    private void assert112ComesFirst() {
        WebElement first = browser.driver().findElement(By.cssSelector("#finished > :not([hidden])"));
        assertThat(first.getDomAttribute("id")).isEqualTo("finished-danger");
        assertThat(first.getDomAttribute("role")).isEqualTo("alert");
        WebElement call = first.findElement(By.cssSelector("a[href='tel:112']"));
        assertThat(call.isDisplayed()).isTrue();
        assertThat(call.getText()).isEqualTo("Call 112");
        WebElement firstLink = browser.driver().findElement(By.cssSelector("#finished a"));
        assertThat(firstLink.getDomAttribute("href")).isEqualTo("tel:112");
        assertThat(call.getRect().getY()).isLessThan(browser.driver().findElement(By.id("finished-title")).getRect().getY());
    }

    @Test
    void outsideOpeningHoursThePageGivesThePhoneNumberAnd112() {
        availableConsole(server, "ana");
        clock.advance(Duration.ofDays(5)); // Saturday
        open(server.port(), "?lang=en");

        startChat("abroad_in_trouble", false);

        browser.await(d -> text("finished-title").equals("The chat is closed right now."));
        String help = text("closed-help");
        assertThat(help).as("the helpline's numbers as the directory holds them: not confirmed yet")
                .contains("0800 800 678 (to be confirmed)").contains("+40 21 313 3100 (to be confirmed)").contains("112")
                .contains("Monday–Friday 08:00-16:00 (Europe/Bucharest). Closed on November 30, December 1");
        assertThat(browser.driver().findElement(By.cssSelector("#closed-help a[href='tel:0800800678']")).isDisplayed()).isTrue();
        assertThat(storage()).isEqualTo(0L);
    }

    @Test
    void withNoOperatorForTheLanguageThePageSaysSo() {
        open(server.port(), "?lang=ro");

        startChat("other", false);

        browser.await(d -> text("finished-title").equals("Niciun consilier care vorbește limba ta nu este acum pe chat."));
        assertThat(text("closed-help")).contains("0800 800 678");
    }

    @Test
    void whenTheChatIsFullThePageSaysSoAndGivesThePhoneNumbers() {
        pausedConsole(server, "ana");
        started(caller(server), "en", "other", false);
        started(caller(server), "en", "other", false);
        open(server.port(), "?lang=en");

        startChat("abroad_in_trouble", false);

        browser.await(d -> text("finished-title").startsWith("All our advisors are busy"));
        assertThat(text("closed-help")).contains("0800 800 678").contains("112");
        assertThat(storage()).isEqualTo(0L);
    }
}
