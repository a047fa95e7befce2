package org.helpline.telephony;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
 * A real Asterisk 22 and a server whose operator Ana ({@code ana}, English console) answers on the browser phone,
 * and the Chromium that plays her console: the setup every browser-phone test on the real Asterisk shares. Bogdan
 * ({@code bogdan}) has desk phone 2002 (not registered): signed in, he makes the line staffed while Ana takes no calls.
 *
 * <p>Only loopback addresses carry traffic ({@link LoopbackWebRtc}). The phone's WebSocket is plain ws on
 * loopback, or with {@link #secure} wss with a certificate made for the test (Chromium then ignores that
 * nobody vouches for it).
 */
final class BrowserPhoneLine implements AutoCloseable {
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

    final RealAsterisk asterisk;
    final TestServer server;
    private final boolean secure;

    private BrowserPhoneLine(RealAsterisk asterisk, TestServer server, boolean secure) {
        this.asterisk = asterisk;
        this.server = server;
        this.secure = secure;
    }

    /** Over ws:// on loopback; {@code phoneSettings} are more keys of telephony.browserPhone, e.g. ", registrationExpiry: 10s". */
    static BrowserPhoneLine start(Path dir, String phoneSettings) {
        return start(dir, phoneSettings, false);
    }

    /** Over wss:// to Asterisk's TLS listener (http.conf tlsenable), as a real line runs it. */
    static BrowserPhoneLine secure(Path dir, String phoneSettings) {
        return start(dir, phoneSettings, true);
    }

    private static BrowserPhoneLine start(Path dir, String phoneSettings, boolean secure) {
        RealAsterisk.assumeAvailable();
        int agiPort = RealAsterisk.freeUdpPort();
        RealAsterisk.Builder builder = LoopbackWebRtc.asterisk(agiPort);
        RealAsterisk asterisk = (secure ? builder.tls() : builder).start();
        try {
            Account ana = new Account("ana", Role.OPERATOR, new PasswordHash(1000).hash(TestServer.PASSWORD), Set.of("ro", "en"),
                    Set.of(Channel.CALL, Channel.CHAT), null, OperatorProfile.BROWSER_PHONE, "Ana", false).withConsoleLanguage("en");
            String url = secure ? "wss://127.0.0.1:" + asterisk.tlsPort() + "/ws" : "ws://127.0.0.1:" + asterisk.httpPort() + "/ws";
            String phone = "  browserPhone: { webSocketUrl: \"" + url + "\"" + phoneSettings + " }\n";
            TestServer server = TestServer.withTelephony(dir, Clock.systemUTC(), agiPort, asterisk.amiPort(), RealAsterisk.AMI_PASSWORD,
                    RealLine.OPEN_ALL_WEEK + phone, ", wrapUpTime: 30s" + PRODUCTION_GRACE,
                    List.of(ana, TestServer.callOperator("bogdan", "2002", "ro", "en")));
            BrowserPhoneLine line = new BrowserPhoneLine(asterisk, server, secure);
            Eventually.until(() -> server.get("/health").bodyAsJsonObject().getString("status").equals("UP"),
                    "the server's AMI and AGI links up", RealAsterisk.CALLS);
            return line;
        } catch (RuntimeException | Error e) {
            asterisk.close();
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            asterisk.close();
        }
    }

    /** Chromium with a fake microphone, media on loopback only, and the SIP messages it receives kept (sipReceived). */
    Browser browser() {
        List<String> switches = new ArrayList<>(List.of(LoopbackWebRtc.CHROMIUM));
        if (secure) {
            switches.add(Browser.TRUST_ANY_CERTIFICATE);
        }
        Browser browser = Browser.start(switches.toArray(String[]::new));
        LoopbackWebRtc.loopbackOnly((ChromeDriver) browser.driver(), SIP_RECEIVED);
        return browser;
    }

    /** Ana signs in to the console and makes herself available. */
    void signIn(ChromeDriver page) {
        page.get("http://localhost:" + server.port() + "/console/");
        within(() -> shown(page, "#login-name"), "the login form").sendKeys("ana");
        page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        within(() -> shown(page, "#go-available"), "the console").click();
    }

    /** Waits until the console says its phone is in {@code state} (data-phone-state: ready, network-lost, …). */
    static void phoneState(ChromeDriver page, String state, String what) {
        within(() -> shown(page, "#phone-status[data-phone-state=" + state + "]"), what); // drawn once the welcome came
    }

    /** Whether the router offers Ana calls now. */
    boolean takesCalls() {
        return server.commands().work("ana").await().operator().profile().channels().contains(Channel.CALL);
    }

    static <T> T within(Supplier<T> found, String what) {
        Object[] value = new Object[1];
        Eventually.until(() -> (value[0] = found.get()) != null, what, RealAsterisk.CALLS);
        @SuppressWarnings("unchecked")
        T result = (T) value[0];
        return result;
    }

    /** The first element shown, or null while there is none (or the console is drawing it anew). */
    static WebElement shown(ChromeDriver page, String css) {
        try {
            return page.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        } catch (StaleElementReferenceException redrawn) {
            return null;
        }
    }

    /** Clicks the first element shown once there is one, trying again if the console redraws it meanwhile. */
    static boolean clicked(ChromeDriver page, String css) {
        WebElement element = shown(page, css);
        if (element == null) {
            return false;
        }
        try {
            element.click();
            return true;
        } catch (StaleElementReferenceException redrawn) {
            return false;
        }
    }

    /** Audio bytes the page's call sent and received (its getStats), or null without a call. */
    @SuppressWarnings("unchecked")
    static Map<String, Number> callStats(Browser browser) {
        return (Map<String, Number>) browser.script("return await (await import('/console/phone.js')).callStats()");
    }

    /** Waits until the page's call has sent and received {@code bytes} of audio each way. */
    static Map<String, Number> audioBothWays(Browser browser, long bytes) {
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
