package org.helpline.telephony;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.helpline.core.Channel;
import org.helpline.core.OperatorProfile;
import org.helpline.testing.Browser;
import org.helpline.testing.Eventually;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser phone's pages (the operator console, the supervisor view) in Chromium on a real Asterisk, as the tests
 * drive them: the server Ana's console needs ({@link #anaOnTheBrowserPhone}, for {@link RealTelephony#withServer}) and
 * what a test does and reads on a page. Every lookup waits up to {@link RealAsterisk#CALLS}: the page redraws as
 * messages arrive.
 */
final class BrowserPhonePages {
    /** Every SIP message that reaches the page over its WebSocket, and where it opened them: window.sipReceived, sipSockets. */
    private static final String SIP_RECEIVED = """
            window.sipReceived = [];
            window.sipSockets = [];
            const NativeSocket = window.WebSocket;
            window.WebSocket = class extends NativeSocket {
              constructor(...args) {
                super(...args);
                if (args[1] === 'sip') window.sipSockets.push(String(args[0]));
                this.addEventListener('message', (e) => { if (typeof e.data === 'string') window.sipReceived.push(e.data); });
              }
            };
            """;

    /**
     * A page that a laptop's sleep or the browser froze loses its sockets and opens them again on waking: as in
     * production, that is not yet a reason to pause the operator (TestServer's 300 ms would be).
     */
    private static final String PRODUCTION_GRACE = ", disconnectGrace: 30s";

    private BrowserPhonePages() {
    }

    /**
     * A server whose operator Ana ({@code ana}, English console) answers on the browser phone, over ws:// or, if
     * Asterisk serves TLS, wss://; Bogdan ({@code bogdan}) has desk phone 2002 (not registered): signed in, he makes
     * the line staffed while Ana takes no calls. {@code phoneSettings} are more keys of telephony.browserPhone, e.g.
     * ", registrationExpiry: 10s".
     */
    static RealTelephony.ServerStart anaOnTheBrowserPhone(String phoneSettings) {
        return (dir, agiPort, asterisk) -> {
            Account ana = new Account("ana", Role.OPERATOR, new PasswordHash(1000).hash(TestServer.PASSWORD), Set.of("ro", "en"),
                    Set.of(Channel.CALL, Channel.CHAT), null, OperatorProfile.BROWSER_PHONE, "Ana", false).withConsoleLanguage("en");
            return TestServer.withTelephony(dir, Clock.systemUTC(), agiPort, asterisk.amiPort(), RealAsterisk.AMI_PASSWORD,
                    RealLine.OPEN_ALL_WEEK + LoopbackWebRtc.browserPhoneSetting(asterisk, phoneSettings),
                    ", wrapUpTime: 30s" + PRODUCTION_GRACE, List.of(ana, TestServer.callOperator("bogdan", "2002", "ro", "en")));
        };
    }

    /** Chromium for the console's browser phone, keeping the SIP messages the page receives (sipReceived). */
    static Browser browser(RealAsterisk asterisk) {
        return LoopbackWebRtc.browser(asterisk, SIP_RECEIVED);
    }

    /** Ana signs in to the console and makes herself available. */
    static void signIn(ChromeDriver page, TestServer server) {
        page.get("http://localhost:" + server.port() + "/console/");
        within(() -> shown(page, "#login-name"), "the login form").sendKeys("ana");
        page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        within(() -> shown(page, "#go-available"), "the console").click();
    }

    /** Ana signs in and makes herself available; her phone registers and the router offers her calls. */
    static void signInReadyForCalls(ChromeDriver page, TestServer server) {
        signIn(page, server);
        phoneState(page, "ready", "the browser phone registered");
        Eventually.until(() -> takesCalls(server), "calls offered to ana now that her phone works", RealAsterisk.CALLS);
    }

    /** Ana accepts the call offered on her console: her phone answers, and the call's audio flows both ways. */
    static void answers(Browser browser) {
        ChromeDriver page = (ChromeDriver) browser.driver();
        Eventually.until(() -> clicked(page, ".offer .accept"), "the call offered to ana, accepted", RealAsterisk.CALLS);
        within(() -> shown(page, "#phone-hangup"), "the call's controls");
        audioBothWays(browser, 8000);
    }

    /** Ana hangs up: her console moves on to the call's wrap-up. */
    static void hangsUp(ChromeDriver page) {
        page.findElement(By.id("phone-hangup")).click();
        within(() -> page.findElement(By.id("contact-title")).getText().equals("Call — wrap-up") ? true : null,
                "wrap-up after the operator hung up");
    }

    /** Waits until the console says its phone is in {@code state} (data-phone-state: ready, network-lost, …). */
    static void phoneState(ChromeDriver page, String state, String what) {
        within(() -> shown(page, "#phone-status[data-phone-state=" + state + "]"), what); // drawn once the welcome came
    }

    /** Whether the router offers Ana calls now. */
    static boolean takesCalls(TestServer server) {
        return server.commands().work("ana").await().operator().profile().channels().contains(Channel.CALL);
    }

    /** What {@code found} gives once it is not null. */
    static <T> T within(Supplier<T> found, String what) {
        Object[] value = new Object[1];
        Eventually.until(() -> (value[0] = found.get()) != null, what, RealAsterisk.CALLS);
        @SuppressWarnings("unchecked")
        T result = (T) value[0];
        return result;
    }

    /** The first element shown, or null while there is none (or the page is drawing it anew). */
    static WebElement shown(ChromeDriver page, String css) {
        try {
            return page.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        } catch (StaleElementReferenceException redrawn) {
            return null;
        }
    }

    /**
     * Clicks the first enabled element shown once there is one, trying again if the page redraws it meanwhile; in the
     * middle of the window, clear of a status line fixed at its bottom.
     */
    static boolean clicked(ChromeDriver page, String css) {
        WebElement element = shown(page, css);
        try {
            if (element == null || !element.isEnabled()) {
                return false;
            }
            page.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element);
            element.click();
            return true;
        } catch (StaleElementReferenceException redrawn) {
            return false;
        }
    }

    /** Audio bytes the page's call sent and received (its getStats), or null without a call. */
    @SuppressWarnings("unchecked")
    private static Map<String, Number> callStats(Browser browser) {
        return (Map<String, Number>) browser.script("return await (await import('/console/phone.js')).callStats()");
    }

    /** Waits until the page's call has sent and received {@code bytes} of audio each way. */
    private static Map<String, Number> audioBothWays(Browser browser, long bytes) {
        return within(() -> {
            Map<String, Number> stats = callStats(browser);
            return stats != null && stats.get("bytesSent").longValue() > bytes
                    && stats.get("bytesReceived").longValue() > bytes ? stats : null;
        }, "audio both ways (getStats: bytes sent and received)");
    }

    @SuppressWarnings("unchecked")
    static List<String> sipReceived(Browser browser) {
        return (List<String>) browser.script("return window.sipReceived");
    }

    /** The addresses of the SIP WebSockets (subprotocol "sip") the page opened: the phone's, not the console's own. */
    @SuppressWarnings("unchecked")
    static List<String> sipSockets(Browser browser) {
        return (List<String>) browser.script("return window.sipSockets");
    }
}
