package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.helpline.core.Channel;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.testing.Browser;
import org.helpline.testing.Eventually;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser phone end to end: Chromium (fake microphone) signs in as an operator and registers through a
 * real Asterisk 22; a SIPp caller dials the helpline and picks English; the offer's Accept answers the call;
 * audio flows both ways (the page's getStats); the operator's Hang up ends the caller's call and starts
 * wrap-up; logging out deletes the phone from Asterisk. The caller's number and name (as the carrier passes them
 * on) reach no SIP message the browser receives: it sees "Helpline".
 *
 * <p>Only loopback addresses carry traffic here: Asterisk offers ICE candidates on 127.0.0.1 only (rtp.conf
 * [ice_host_candidates] maps this machine's addresses to it) and the page announces only its 127.0.0.1
 * candidate (a script added before the page's own). The test's Asterisk identifies by user name first, because
 * the browser's WebSocket comes from 127.0.0.1, the test trunk's address; and it serves the WebSocket as plain
 * ws on loopback (RealAsterisk's http.conf): TLS is not part of this test.
 */
@DisplayName("a call answered on the browser phone, through a real Asterisk 22")
class BrowserPhoneCallTest {
    private static final String ICE_LINE =
            "icesupport = yes                     ; browser phones need ICE; endpoints without ice_support (the carrier, desk phones) do not use it";
    private static final String LOOPBACK_CANDIDATES_ONLY = """
            const described = Object.getOwnPropertyDescriptor(RTCPeerConnection.prototype, 'localDescription');
            Object.defineProperty(RTCPeerConnection.prototype, 'localDescription', { get() {
              const d = described.get.call(this);
              if (!d) return d;
              const lines = d.sdp.split('\\r\\n').filter((l) => !l.startsWith('a=candidate:') || (/ 127\\.0\\.0\\.1 /.test(l) && / udp /i.test(l)));
              return { type: d.type, sdp: lines.join('\\r\\n') };
            } });
            """;
    /** Every SIP message that reaches the page over its WebSocket, kept for the test to read (window.sipReceived). */
    private static final String SIP_RECEIVED = """
            window.sipReceived = [];
            const NativeSocket = window.WebSocket;
            window.WebSocket = class extends NativeSocket {
              constructor(...args) {
                super(...args);
                this.addEventListener('message', (e) => { if (typeof e.data === 'string') window.sipReceived.push(e.data); });
              }
            };
            """;
    /** The caller's number, as the carrier passes it on (with a name): it must never reach the browser. */
    private static final String CALLER_NUMBER = "0722555123";

    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(RealAsterisk.with()
            .edit("pjsip.conf", "endpoint_identifier_order = ip,username", "endpoint_identifier_order = username,ip")
            .edit("rtp.conf", ICE_LINE, ICE_LINE + "\nice_deny = ::/0\n\n[ice_host_candidates]\n" + loopbackMappings()))
            .withServer(BrowserPhoneCallTest::anaOnTheBrowserPhone);

    /** Ana takes calls on the browser phone, which reaches this Asterisk's WebSocket; wrap-up 30 s. */
    private static TestServer anaOnTheBrowserPhone(Path dir, int agiPort, RealAsterisk asterisk) {
        Account ana = new Account("ana", Role.OPERATOR, new PasswordHash(1000).hash(TestServer.PASSWORD), Set.of("ro", "en"),
                Set.of(Channel.CALL, Channel.CHAT), null, OperatorProfile.BROWSER_PHONE, "Ana", false).withConsoleLanguage("en");
        String phone = "  browserPhone: { webSocketUrl: \"ws://127.0.0.1:" + asterisk.httpPort() + "/ws\" }\n";
        return TestServer.withTelephony(dir, Clock.systemUTC(), agiPort, asterisk.amiPort(), RealAsterisk.AMI_PASSWORD,
                RealLine.OPEN_ALL_WEEK + phone, ", wrapUpTime: 30s", List.of(ana));
    }

    /** This machine's own addresses, announced as 127.0.0.1: no media to any address but loopback. */
    private static String loopbackMappings() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .map(a -> a.getHostAddress() + " => 127.0.0.1\n").collect(Collectors.joining());
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T within(Browser browser, java.util.function.Supplier<T> found, String what) {
        Object[] value = new Object[1];
        Eventually.until(() -> (value[0] = found.get()) != null, what, RealAsterisk.CALLS);
        @SuppressWarnings("unchecked")
        T result = (T) value[0];
        return result;
    }

    /** The first element shown, or null while there is none (or the console is drawing it anew). */
    private static WebElement shown(ChromeDriver page, String css) {
        try {
            return page.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        } catch (StaleElementReferenceException redrawn) {
            return null;
        }
    }

    /** Clicks the first element shown once there is one, trying again if the console redraws it meanwhile. */
    private static boolean clicked(ChromeDriver page, String css) {
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

    @SuppressWarnings("unchecked")
    private static Map<String, Number> callStats(Browser browser) {
        return (Map<String, Number>) browser.script("return await (await import('/console/phone.js')).callStats()");
    }

    @SuppressWarnings("unchecked")
    private static List<String> sipReceived(Browser browser) {
        return (List<String>) browser.script("return window.sipReceived");
    }

    @Test
    void anOperatorAnswersACallerInTheBrowserTheyHearEachOtherAndHangUpStartsWrapUp(RealAsterisk asterisk, TestServer server) {
        String[] switches = {Browser.FAKE_MICROPHONE[0], Browser.FAKE_MICROPHONE[1], "--allow-loopback-in-peer-connection"};
        try (Browser browser = Browser.start(switches)) {
            ChromeDriver page = (ChromeDriver) browser.driver();
            page.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LOOPBACK_CANDIDATES_ONLY + SIP_RECEIVED));
            page.get("http://localhost:" + server.port() + "/console/");
            within(browser, () -> shown(page, "#login-name"), "the login form").sendKeys("ana");
            page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
            within(browser, () -> shown(page, "#go-available"), "the console").click();

            // the phone registers through Asterisk with the account the server wrote into its database
            within(browser, () -> "ready".equals(page.findElement(By.id("phone-status")).getAttribute("data-phone-state"))
                    ? true : null, "the browser phone registered");
            assertThat(asterisk.cli("database show helpline-phones")).contains("3 results found");
            Eventually.until(() -> server.commands().work("ana").await().operator().profile().channels().contains(Channel.CALL),
                    "calls offered to ana now that her phone works", RealAsterisk.CALLS);

            try (SippRun caller = SippCaller.to(asterisk).from(CALLER_NUMBER).pause(Duration.ofSeconds(3)).key('2')
                    .expectLineHangsUpWithin(Duration.ofSeconds(150)).start()) {
                // accepting the offer answers the call: one click
                Eventually.until(() -> clicked(page, ".offer .accept"), "the call offered to ana, accepted", RealAsterisk.CALLS);
                within(browser, () -> shown(page, "#phone-hangup"), "the call's controls");
                within(browser, () -> {
                    Map<String, Number> stats = callStats(browser);
                    return stats != null && stats.get("bytesSent").longValue() > 8000
                            && stats.get("bytesReceived").longValue() > 8000 ? stats : null;
                }, "audio both ways (getStats: bytes sent and received)");
                assertThat(page.findElement(By.id("contact-title")).getText()).isEqualTo("Call — in conversation");
                // the browser's SIP layer saw "Helpline" and nothing of the caller: no number or name in any header or SDP
                List<String> sip = sipReceived(browser);
                assertThat(sip).filteredOn(m -> m.startsWith("INVITE ")).singleElement().satisfies(invite -> assertThat(invite)
                        .containsPattern("(?m)^From: \"Helpline\" <sip:0800800678@").doesNotContain("P-Asserted-Identity", "Remote-Party-ID"));
                assertThat(sip).noneMatch(m -> m.contains(CALLER_NUMBER) || m.contains("Popescu") || m.contains("722555123"));
                assertThat(page.findElement(By.id("phone-timer")).getText()).matches("[0-9]+:[0-5][0-9]");

                page.findElement(By.id("phone-hangup")).click();
                within(browser, () -> page.findElement(By.id("contact-title")).getText().equals("Call — wrap-up") ? true : null,
                        "wrap-up after the operator hung up");
                caller.awaitSuccess(RealAsterisk.CALLS); // the caller's line was hung up
            }

            page.findElement(By.id("logout")).click();
            Eventually.until(() -> asterisk.cli("database show helpline-phones").contains("0 results found"),
                    "the phone deleted from Asterisk at logout", RealAsterisk.CALLS);
        }
    }

    /** Available, but offered chats only: the router's operator takes no calls. */
    private static void takesChatsOnly(TestServer server) {
        Eventually.until(() -> {
            var ana = server.commands().work("ana").await().operator();
            return ana.presence() == Presence.AVAILABLE && ana.profile().channels().equals(Set.of(Channel.CHAT));
        }, "ana offered chats only", RealAsterisk.CALLS);
    }

    private static void takesCallsAgain(TestServer server, Browser browser, ChromeDriver page) {
        within(browser, () -> "ready".equals(page.findElement(By.id("phone-status")).getAttribute("data-phone-state"))
                ? true : null, "the browser phone registered again");
        Eventually.until(() -> server.commands().work("ana").await().operator().profile().channels().contains(Channel.CALL),
                "calls offered to ana again", RealAsterisk.CALLS);
    }

    @Test
    void asteriskUnreachableAtSignInOrStoppedMidShift_callsPausedWithAClearMessage_chatsGoOn_backWhenAsteriskIs(
            RealAsterisk asterisk, TestServer server) {
        String[] switches = {Browser.FAKE_MICROPHONE[0], Browser.FAKE_MICROPHONE[1], "--allow-loopback-in-peer-connection"};
        asterisk.stop();
        try (Browser browser = Browser.start(switches)) {
            ChromeDriver page = (ChromeDriver) browser.driver();
            page.get("http://localhost:" + server.port() + "/console/");
            within(browser, () -> shown(page, "#login-name"), "the login form").sendKeys("ana");
            page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
            within(browser, () -> shown(page, "#go-available"), "the console").click();

            // signed in while Asterisk is down: the phone cannot sign in, and says so
            WebElement status = within(browser, () -> shown(page, "#phone-status.problem"), "the phone's problem named");
            assertThat(status.getAttribute("data-phone-state")).isEqualTo("registration-failed");
            assertThat(status.getText()).startsWith("The phone could not sign in to the phone server")
                    .endsWith("Calls are paused for you until it works; chats go on.");
            takesChatsOnly(server);

            asterisk.startAgain();
            takesCallsAgain(server, browser, page);

            // Asterisk stops mid-shift: the phone's connection drops, calls pause, chats go on
            asterisk.stop();
            within(browser, () -> "network-lost".equals(page.findElement(By.id("phone-status")).getAttribute("data-phone-state"))
                    ? true : null, "the lost connection named");
            assertThat(page.findElement(By.id("phone-status")).getText())
                    .isEqualTo("The phone lost its connection to the phone server. Reconnecting… "
                            + "Calls are paused for you until it works; chats go on.");
            takesChatsOnly(server);

            asterisk.startAgain();
            takesCallsAgain(server, browser, page);
            page.findElement(By.id("logout")).click();
        } finally {
            if (!asterisk.running()) {
                asterisk.startAgain();
            }
        }
    }
}
