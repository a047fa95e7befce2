package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.BrowserPhonePages.answers;
import static org.helpline.telephony.BrowserPhonePages.hangsUp;
import static org.helpline.telephony.BrowserPhonePages.phoneState;
import static org.helpline.telephony.BrowserPhonePages.shown;
import static org.helpline.telephony.BrowserPhonePages.signIn;
import static org.helpline.telephony.BrowserPhonePages.signInReadyForCalls;
import static org.helpline.telephony.BrowserPhonePages.sipReceived;
import static org.helpline.telephony.BrowserPhonePages.takesCalls;
import static org.helpline.telephony.BrowserPhonePages.within;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.helpline.core.Channel;
import org.helpline.core.Presence;
import org.helpline.testing.Browser;
import org.helpline.testing.Eventually;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser phone end to end: Chromium (fake microphone) signs in as an operator and registers through a
 * real Asterisk 22; a SIPp caller dials the helpline and picks English; the offer's Accept answers the call;
 * audio flows both ways (the page's getStats); the operator's Hang up ends the caller's call and starts
 * wrap-up; logging out deletes the phone from Asterisk. The caller's number and name (as the carrier passes them
 * on) reach no SIP message the browser receives: it sees "Helpline". How the line is set up (loopback only,
 * plain ws): {@link LoopbackWebRtc}, its server: {@link BrowserPhonePages#anaOnTheBrowserPhone}; the same over wss: BrowserPhoneSecureTest.
 */
@DisplayName("a call answered on the browser phone, through a real Asterisk 22")
class BrowserPhoneCallTest {
    /** The caller's number, as the carrier passes it on (with a name): it must never reach the browser. */
    private static final String CALLER_NUMBER = "0722555123";

    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(LoopbackWebRtc.asterisk())
            .withServer(BrowserPhonePages.anaOnTheBrowserPhone(""));

    @Test
    void anOperatorAnswersACallerInTheBrowserTheyHearEachOtherAndHangUpStartsWrapUp(RealAsterisk asterisk, TestServer server) {
        try (Browser browser = BrowserPhonePages.browser(asterisk)) {
            ChromeDriver page = (ChromeDriver) browser.driver();
            // the phone registers through Asterisk with the account the server wrote into its database
            signInReadyForCalls(page, server);
            assertThat(asterisk.cli("database show helpline-phones")).contains("3 results found");

            try (SippRun caller = SippCaller.to(asterisk).from(CALLER_NUMBER).pause(Duration.ofSeconds(3)).key('2')
                    .expectLineHangsUpWithin(Duration.ofSeconds(150)).start()) {
                answers(browser); // accepting the offer answers the call: one click
                assertThat(page.findElement(By.id("contact-title")).getText()).isEqualTo("Call — in conversation");
                // the browser's SIP layer saw "Helpline" and nothing of the caller: no number or name in any header or SDP
                List<String> sip = sipReceived(browser);
                assertThat(sip).filteredOn(m -> m.startsWith("INVITE ")).singleElement().satisfies(invite -> assertThat(invite)
                        .containsPattern("(?m)^From: \"Helpline\" <sip:0800800678@").doesNotContain("P-Asserted-Identity", "Remote-Party-ID"));
                assertThat(sip).noneMatch(m -> m.contains(CALLER_NUMBER) || m.contains("Popescu") || m.contains("722555123"));
                assertThat(page.findElement(By.id("phone-timer")).getText()).matches("[0-9]+:[0-5][0-9]");

                hangsUp(page);
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

    private static void takesCallsAgain(ChromeDriver page, TestServer server) {
        phoneState(page, "ready", "the browser phone registered again");
        Eventually.until(() -> takesCalls(server), "calls offered to ana again", RealAsterisk.CALLS);
    }

    @Test
    void asteriskUnreachableAtSignInOrStoppedMidShift_callsPausedWithAClearMessage_chatsGoOn_backWhenAsteriskIs(
            RealAsterisk asterisk, TestServer server) {
        asterisk.stop();
        try (Browser browser = BrowserPhonePages.browser(asterisk)) {
            ChromeDriver page = (ChromeDriver) browser.driver();
            signIn(page, server);

            // signed in while Asterisk is down: the phone cannot sign in, and says so
            WebElement status = within(() -> shown(page, "#phone-status.problem"), "the phone's problem named");
            assertThat(status.getAttribute("data-phone-state")).isEqualTo("registration-failed");
            assertThat(status.getText()).startsWith("The phone could not sign in to the phone server")
                    .endsWith("Calls are paused for you until it works; chats go on.");
            takesChatsOnly(server);

            asterisk.startAgain();
            takesCallsAgain(page, server);

            // Asterisk stops mid-shift: the phone's connection drops, calls pause, chats go on
            asterisk.stop();
            phoneState(page, "network-lost", "the lost connection named");
            assertThat(page.findElement(By.id("phone-status")).getText())
                    .isEqualTo("The phone lost its connection to the phone server. Reconnecting… "
                            + "Calls are paused for you until it works; chats go on.");
            takesChatsOnly(server);

            asterisk.startAgain();
            takesCallsAgain(page, server);
            page.findElement(By.id("logout")).click();
        } finally {
            if (!asterisk.running()) {
                asterisk.startAgain();
            }
        }
    }
}
