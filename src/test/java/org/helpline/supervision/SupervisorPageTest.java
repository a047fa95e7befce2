package org.helpline.supervision;

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
import org.helpline.testing.PageTests;
import org.helpline.testing.Screenshot;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** The supervisor view in a real headless Chromium, against the real server. */
@DisplayName("supervisor page /supervisor/")
class SupervisorPageTest extends PageTests {
    private WebDriver page;

    @Override
    protected TestServer serve(Path dir) {
        return TestServer.start(dir, new FakeClock(), "",
                List.of(TestServer.operator("ana", "ro", "en"), TestServer.supervisor("sofia"), TestServer.wallboard("wall")));
    }

    @BeforeEach
    void openThePage() {
        page = openBrowser().driver();
    }

    private WebElement visible(String css) {
        return browser.await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private void awaitText(String css, String text) {
        browser.await(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    private void logIn(String name) {
        page.get("http://localhost:" + server.port() + "/supervisor/");
        visible("#login-name").sendKeys(name);
        page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
    }

    private Contact chatArrives() {
        return server.commands().contact(new Command.Enqueue(
                new NewContact(Channel.CHAT, "ro", "abroad", Priority.NORMAL, null))).await();
    }

    private SocketProbe availableConsole() {
        SocketProbe ana = server.console("ana");
        ana.next("welcome");
        ana.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 1));
        ana.next("ack");
        return ana;
    }

    @Test
    void theFiguresChangeLiveAsContactsArriveAreAnsweredAndAbandoned() {
        logIn("sofia");
        awaitText("#alerts", "no operator is signed in");
        awaitText("#fig-offered", "0");

        Contact first = chatArrives();
        awaitText("#fig-offered", "1");
        awaitText("#waiting-count", "1");
        awaitText("#alerts", "1 chat in Romanian waits and no available operator takes it.");
        assertThat(visible("#waiting tr[data-contact='" + first.id() + "']").getText())
                .contains("Chat", "Romanian", "abroad", "Normal", "Waiting");
        assertThat(page.findElement(By.id("queue-summary")).getText()).contains("Chat", "Romanian", "Normal", "1");

        SocketProbe ana = availableConsole();
        awaitText("#operators tr[data-operator=ana]", "Busy");
        ana.send(new JsonObject().put("type", "accept").put("contactId", first.id()).put("id", 2));
        ana.next("ack");
        awaitText("#fig-answered", "1");
        awaitText("#fig-service-level", "100 %");
        awaitText("#waiting-count", "0");
        awaitText("#conversations", "ana");
        assertThat(page.findElement(By.id("alerts")).getText()).doesNotContain("no operator", "no available operator");

        Contact second = chatArrives();
        server.commands().contact(new Command.Leave(second.id())).await();
        awaitText("#fig-abandoned", "1");
        awaitText("#fig-service-level", "50 %");
        awaitText("#fig-offered", "2");
        assertThat(page.findElement(By.id("figures-by-channel")).getText()).contains("Chat 2 1 1 50 %");
        awaitText("#figures-by-language tr[data-language=ro]", "Romanian 2 50 % 50 % 2 50 % 50 %");
        awaitText("#figures-by-language tr[data-language=en]", "English 0 – – 0 – –");
        awaitText("#fig-recent-service-level", "50 %");
        assertThat(page.findElement(By.id("fig-recent-abandoned-share")).getText()).isEqualTo("50 %");
        assertThat(page.findElement(By.cssSelector("#figures-by-language tr[data-language=ro] td:nth-child(4)")).getAttribute("class"))
                .as("50 % abandoned is over the 5 % limit").contains("below");
    }

    @Test
    void theWallboardShowsTheFloorInLargeFiguresWithoutActionsOrContacts() {
        Screenshot.viewport(browser, 1920, 1080);
        Contact chat = chatArrives();
        server.commands().contact(new Command.Enqueue(new NewContact(Channel.CHAT, "en", "abroad", Priority.URGENT, null))).await();
        page.get("http://localhost:" + server.port() + "/supervisor/?wallboard");
        visible("#login-name").sendKeys("sofia");
        page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);

        awaitText("#wall-waiting [data-tile=all]", "Waiting\n2");
        awaitText("#wall-waiting [data-tile='chat|en']", "Chats, English\n1");
        awaitText("#wall-free [data-tile=en]", "English\n0\ncalls 0 · chats 0");
        awaitText("#wall-alerts", "1 chat in English waits and no available operator takes it.");
        awaitText("#wall-service [data-tile=today]", "Today");
        assertThat(page.findElement(By.cssSelector("#wall-waiting [data-tile='chat|en']")).getAttribute("class"))
                .as("an urgent contact waits there").contains("bad");
        assertThat(page.findElement(By.id("app")).isDisplayed()).isFalse();
        assertThat(page.findElements(By.cssSelector("#wallboard button, #wallboard input, #wallboard a"))).as("no actions").isEmpty();
        assertThat(page.findElement(By.id("wallboard")).getText()).as("no contact ids").doesNotContain(chat.id().substring(0, 8));
        double figure = Double.parseDouble(((String) browser.script("return getComputedStyle(document.querySelector("
                + "'#wall-waiting [data-tile=all] .figure')).fontSize")).replace("px", ""));
        assertThat(figure).as("readable across the room").isGreaterThanOrEqualTo(48);

        server.commands().contact(new Command.Leave(chat.id())).await(); // the board follows the stream
        awaitText("#wall-waiting [data-tile=all]", "Waiting\n1");
        awaitText("#wall-waiting [data-tile='chat|ro']", "Chats, Romanian\n0");
        awaitText("#wall-service [data-tile=today]", "abandoned 100 %");
        Screenshot.save(browser, "wallboard");
    }

    @Test
    void alertsThenWaitingContactsThenOperatorsAreAboveTheFoldOnALaptop() {
        Screenshot.viewport(browser, 1366, 900);
        availableConsole();
        Contact chat = chatArrives();
        server.commands().contact(new Command.Enqueue(
                new NewContact(Channel.CALL, "ro", "work", Priority.URGENT, null))).await();
        logIn("sofia");
        awaitText("#alerts", "no available operator");
        visible("#waiting tr[data-contact='" + chat.id() + "']");
        visible("#operators tr[data-operator=ana]");

        long fold = ((Number) browser.script("return window.innerHeight")).longValue();
        long alerts = top("#alerts-title");
        long waiting = top("#queue-title");
        long operators = top("#operators-title");
        assertThat(alerts).isLessThan(waiting);
        assertThat(waiting).as("waiting contacts come before (or beside, left of) the operators").isLessThanOrEqualTo(operators);
        assertThat(bottom("#waiting tr[data-contact='" + chat.id() + "']")).as("the waiting contacts, above the fold").isLessThan(fold);
        assertThat(bottom("#operators tr[data-operator=ana]")).as("the operators, above the fold").isLessThan(fold);
        Screenshot.save(browser, "supervisor-view");
    }

    private long top(String css) {
        return ((Number) browser.script("return Math.round(document.querySelector(arguments[0]).getBoundingClientRect().top)", css)).longValue();
    }

    private long bottom(String css) {
        return ((Number) browser.script("return Math.round(document.querySelector(arguments[0]).getBoundingClientRect().bottom)", css)).longValue();
    }

    @Test
    void aSupervisorPausesAnOperatorAndTheOperatorsConsoleHearsIt() {
        SocketProbe ana = availableConsole();
        logIn("sofia");
        awaitText("#staffing tr[data-staffing='ro|chat']", "Romanian Chat 1: ana 0 0 0");

        visible("#operators tr[data-operator=ana] button.pause").click();
        visible("#pause-reason").sendKeys("team meeting");
        page.findElement(By.id("pause-confirm")).click();

        JsonObject paused = ana.next(m -> "operator".equals(m.getString("type"))
                && "paused".equals(m.getJsonObject("operator").getString("state")), "ana paused").getJsonObject("operator");
        assertThat(paused.getString("pauseReason")).isEqualTo("team meeting");
        awaitText("#operators tr[data-operator=ana]", "Paused (team meeting)");
        awaitText("#action-status", "ana is paused.");
        awaitText("#staffing tr[data-staffing='ro|chat']", "Romanian Chat 0 0 1: ana 0");
        assertThat(page.findElement(By.cssSelector("#staffing tr[data-staffing='ro|chat']")).getAttribute("class"))
                .as("nobody could take a Romanian chat now").contains("unstaffed");
    }

    @Test
    void aPausedOperatorFinishingAChatReadsPausedAndASupervisorEndsThePause() {
        SocketProbe ana = availableConsole();
        Contact chat = chatArrives();
        ana.next("offer");
        ana.send(new JsonObject().put("type", "accept").put("contactId", chat.id()).put("id", 2));
        ana.next("ack");
        ana.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "break").put("id", 3));
        ana.next("ack");
        logIn("sofia");

        awaitText("#operators tr[data-operator=ana] td:nth-child(2)", "Paused (break; finishing a contact)");
        assertThat(visible("#operators tr[data-operator=ana]").getText()).doesNotContain("Busy");

        visible("#operators tr[data-operator=ana] button.resume").click();

        ana.next(m -> "operator".equals(m.getString("type"))
                && "available".equals(m.getJsonObject("operator").getString("presence")), "ana available again");
        awaitText("#action-status", "ana is available again.");
        awaitText("#operators tr[data-operator=ana] td:nth-child(2)", "Busy");
        assertThat(visible("#operators tr[data-operator=ana] button.pause").isDisplayed()).isTrue();
    }

    @Test
    void aWallScreensAccountGetsTheWallboardAtTheViewsAddressAndNoReloadInTheConsole() {
        chatArrives();
        logIn("wall"); // /supervisor/, without ?wallboard; the account has not chosen a language: Romanian

        awaitText("#wall-waiting [data-tile=all]", "În așteptare\n1");
        assertThat(page.findElement(By.id("app")).isDisplayed()).isFalse();
        assertThat(page.findElements(By.cssSelector("#wallboard button, #wallboard input, #wallboard a"))).as("no actions").isEmpty();

        page.get("http://localhost:" + server.port() + "/console/"); // the same session
        awaitText("#supervisor-view", "ecran de perete");
        assertThat(page.findElement(By.id("reload-guidance")).isDisplayed()).isFalse();
        assertThat(page.findElement(By.id("supervisor-why")).isDisplayed()).isFalse();
    }

    @Test
    void anOperatorAccountGetsNoDataOnThePage() {
        logIn("ana");

        awaitText("#denied-view", "are nevoie de un cont de supervizor"); // ana has not chosen: Romanian
        assertThat(page.findElement(By.id("app")).isDisplayed()).isFalse();
        Object status = browser.script("""
                return new Promise((done) => {
                  const ws = new WebSocket(`ws://${location.host}/supervisor/ws`);
                  ws.onopen = () => done('open');
                  ws.onerror = () => done('refused');
                });""");
        assertThat(status).isEqualTo("refused");
        assertThat(page.findElement(By.tagName("body")).getText()).doesNotContain("În așteptare acum");
    }

    @Test
    void aSwitchedOffPhoneLineShowsNoNotice() {
        logIn("sofia"); // this server has telephony switched off

        awaitText("#figures-title", "Today");
        browser.await(d -> Boolean.TRUE.equals(browser.script(
                "return performance.getEntriesByType('resource').some(e => e.name.endsWith('/health'))")));
        assertThat(page.findElements(By.cssSelector("#alerts li[data-kind=phone_line]"))).isEmpty();
    }
}
