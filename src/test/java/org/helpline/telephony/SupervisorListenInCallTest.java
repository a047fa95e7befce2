package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.BrowserPhonePages.clicked;
import static org.helpline.telephony.BrowserPhonePages.shown;
import static org.helpline.telephony.BrowserPhonePages.within;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.OperatorProfile;
import org.helpline.testing.Browser;
import org.helpline.testing.Eventually;
import org.helpline.testing.OperatorPhone;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A supervisor listens in on their browser phone, through a real Asterisk 22: a SIPp caller on the helpline, the
 * operator answering on a SIPp desk phone, and the supervisor in Chromium (fake microphone) clicking Listen, Barge
 * in and Whisper on the supervisor view. The page answers the listen-in call by itself, hears the call (getStats),
 * sends no sound while listening, and sends its microphone when barging or whispering; Stop ends the listening leg
 * and the call goes on. Logging out deletes the phone from Asterisk. Only loopback carries traffic (LoopbackWebRtc).
 */
@DisplayName("a supervisor listens in on the browser phone, through a real Asterisk 22")
class SupervisorListenInCallTest {
    /** About 3 s of PCMA at 8 KB a second: audio that certainly came through. */
    private static final long HEARD = 20_000;
    private static final Pattern PHONE = Pattern.compile("/helpline-phones/endpoint/([0-9]{12})");
    /** Every SIP message the page sends over its WebSocket, kept for the test to read (window.sipSent). */
    private static final String SIP_SENT = """
            window.sipSent = [];
            const NativeSend = WebSocket.prototype.send;
            WebSocket.prototype.send = function (data) {
              if (typeof data === 'string') window.sipSent.push(data);
              return NativeSend.call(this, data);
            };
            """;

    /** Bogdan (operator) answers on desk phone 2001, Elena (supervisor) listens in on the browser phone. */
    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(LoopbackWebRtc.asterisk()).withServer((dir, agiPort, asterisk) -> {
        PasswordHash hash = new PasswordHash(1000);
        Account bogdan = new Account("bogdan", Role.OPERATOR, hash.hash(TestServer.PASSWORD), Set.of("en"),
                Set.of(Channel.CALL), null, "2001", null, false);
        Account elena = new Account("elena", Role.SUPERVISOR, hash.hash(TestServer.PASSWORD), Set.of(), Set.of(), null,
                OperatorProfile.BROWSER_PHONE, "Elena", false).withConsoleLanguage("en");
        return TestServer.withTelephony(dir, Clock.systemUTC(), agiPort, asterisk.amiPort(), RealAsterisk.AMI_PASSWORD,
                RealLine.OPEN_ALL_WEEK + LoopbackWebRtc.browserPhoneSetting(asterisk, ""), ", wrapUpTime: 30s",
                List.of(bogdan, elena));
    });

    @SuppressWarnings("unchecked")
    private static Map<String, Object> listenStats(Browser browser) {
        return (Map<String, Object>) browser.script("return await (await import('/supervisor/listen.js')).listenStats()");
    }

    @SuppressWarnings("unchecked")
    private static List<String> sipSent(Browser browser) {
        return (List<String>) browser.script("return window.sipSent");
    }

    private static long number(Map<String, Object> stats, String key) {
        return ((Number) stats.get(key)).longValue();
    }

    /** The stats once the call was heard and the page's sending matches: the microphone's sound goes out, or not. */
    private static Map<String, Object> heard(Browser browser, boolean speaking, String what) {
        return within(() -> {
            Map<String, Object> stats = listenStats(browser);
            return stats != null && number(stats, "bytesReceived") > HEARD
                    && (!speaking || number(stats, "bytesSent") > HEARD && ((Number) stats.get("energySent")).doubleValue() > 0)
                    ? stats : null;
        }, what);
    }

    /** What ChanSpy runs on in Asterisk now ({@code core show channels concise}: Channel!Context!Exten!Prio!State!App!Data!...). */
    private static boolean spying(String spyData) {
        return TELEPHONY.asterisk().cli("core show channels concise").lines().anyMatch(l -> l.contains("!ChanSpy!" + spyData + "!"));
    }

    /** Listens in one way: the page answers by itself, Asterisk runs ChanSpy with these arguments. */
    private static void listensIn(ChromeDriver page, String contactId, String mode, String spyData) {
        Eventually.until(() -> clicked(page, "tr[data-contact='" + contactId + "'] button[data-mode=" + mode + "]"),
                mode + " clicked", RealAsterisk.CALLS);
        within(() -> shown(page, "#listening-stop"), "the listening call's controls");
        Eventually.until(() -> spying(spyData), "ChanSpy(" + spyData + ") on the supervisor's phone", RealAsterisk.CALLS);
    }

    /** Stop hangs up the listening leg; the caller stays with the operator. */
    private static void stops(ChromeDriver page, Contact call) {
        RealAsterisk asterisk = TELEPHONY.asterisk();
        page.findElement(By.id("listening-stop")).click();
        within(() -> page.findElement(By.id("listening")).isDisplayed() ? null : true, "the listening call ended");
        asterisk.awaitCli("core show channels concise", out -> !out.contains("!ChanSpy!"), "no spy left in Asterisk");
        assertThat(asterisk.cli("core show channel " + call.channelRef())).as("the caller still on the line")
                .doesNotContain("is not a known channel");
        assertThat(TELEPHONY.server().commands().work("bogdan").await().contacts()).singleElement()
                .satisfies(c -> assertThat(c.state()).isEqualTo(ContactState.CONNECTED));
    }

    @Test
    void theSupervisorsPageHearsTheCallListeningSendsNothingBargeAndWhisperSpeakAndStopLeavesTheCall(RealAsterisk asterisk,
            TestServer server) {
        try (OperatorPhone desk = OperatorPhone.register(asterisk, "2001", "127.0.0.2", OperatorPhone.Answer.PICKS_UP);
             SocketProbe bogdan = server.console("bogdan");
             Browser browser = LoopbackWebRtc.browser(asterisk, SIP_SENT)) {
            bogdan.next("welcome");
            bogdan.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 1));
            bogdan.next("ack");

            ChromeDriver page = (ChromeDriver) browser.driver();
            page.get("http://localhost:" + server.port() + "/supervisor/");
            within(() -> shown(page, "#login-name"), "the login form").sendKeys("elena");
            page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
            within(() -> shown(page, "#phone-status[data-phone-state=ready]"), "the supervisor's browser phone registered");
            assertThat(page.findElement(By.id("phone-status")).getText()).startsWith("Phone ready");
            Matcher phone = PHONE.matcher(asterisk.cli("database show helpline-phones"));
            assertThat(phone.find()).as("the supervisor's phone in Asterisk's database").isTrue();
            String supervisorPhone = phone.group(1);

            // the call lasts long enough for all three ways of listening; the line must never hang up on the caller
            try (SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(3)).key('2')
                    .holdFor(Duration.ofSeconds(150)).hangUp().start()) {
                Contact call = within(() -> server.commands().work("bogdan").await().contacts().stream()
                        .filter(c -> c.state() == ContactState.CONNECTED).findFirst().orElse(null), "bogdan talking with the caller");

                listensIn(page, call.id(), "listen", call.channelRef() + ",qE");
                assertThat(page.findElement(By.id("listening-what")).getText()).startsWith("Listen: call #" + call.id().substring(0, 8));
                assertThat(page.findElement(By.id("listening-mute")).isDisplayed()).as("nothing to mute when listening").isFalse();
                Map<String, Object> listening = heard(browser, false, "the call heard on the supervisor's page");
                assertThat(((Number) listening.get("energySent")).doubleValue()).as("listening sends no sound").isZero();
                assertThat(page.findElement(By.id("listening-timer")).getText()).matches("[0-9]+:[0-5][0-9]");
                stops(page, call);

                listensIn(page, call.id(), "barge", call.channelRef() + ",qBE");
                heard(browser, true, "barging: heard, and the microphone's sound sent");
                page.findElement(By.id("listening-mute")).click();
                assertThat(page.findElement(By.id("listening-mute")).getText()).isEqualTo("Unmute");
                stops(page, call);

                // whisper spies on the operator's phone: only bogdan hears the supervisor
                listensIn(page, call.id(), "whisper", "PJSIP/2001-,qwE");
                heard(browser, true, "whispering: heard, and the microphone's sound sent");
                stops(page, call);

                // a call to the supervisor's phone that nobody asked for is turned away
                // (the helpline's modules.conf does not load the CLI's originate: the test does)
                asterisk.cli("module load res_clioriginate.so");
                assertThat(asterisk.cli("channel originate PJSIP/" + supervisorPhone + " application Wait 20")).isBlank();
                Eventually.until(() -> sipSent(browser).stream().anyMatch(m -> m.startsWith("SIP/2.0 486 ")),
                        "the unasked call refused by the page (486)", RealAsterisk.CALLS);
                assertThat(page.findElement(By.id("listening")).isDisplayed()).isFalse();

                caller.awaitSuccess(Duration.ofSeconds(200)); // the caller hung up in the end: the line never did
            }
            page.findElement(By.id("logout")).click();
            Eventually.until(() -> asterisk.cli("database show helpline-phones").contains("0 results found"),
                    "the supervisor's phone deleted from Asterisk at logout", RealAsterisk.CALLS);
        }
    }
}
