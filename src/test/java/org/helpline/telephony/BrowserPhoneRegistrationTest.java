package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.BrowserPhonePages.answers;
import static org.helpline.telephony.BrowserPhonePages.hangsUp;
import static org.helpline.telephony.BrowserPhonePages.signInReadyForCalls;
import static org.helpline.telephony.BrowserPhonePages.sipReceived;
import static org.helpline.telephony.BrowserPhonePages.takesCalls;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;
import org.helpline.core.Channel;
import org.helpline.core.ChangeReason;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.Operator;
import org.helpline.core.OperatorState;
import org.helpline.core.Presence;
import org.helpline.testing.Browser;
import org.helpline.testing.Eventually;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser phone's registration over a shift, through a real Asterisk 22, with registrations of 10 s: the page
 * renews each before it ends, so the phone stays registered and answers a call; a page that runs no timers (a
 * laptop asleep, a tab the browser froze: Chromium's Page lifecycle "frozen") renews nothing and says nothing, and
 * the server itself hears from Asterisk that the phone is gone: the operator gets no calls (chats go on), and a
 * caller meanwhile waits in the queue; once the page runs again the phone registers and the caller is offered.
 */
@DisplayName("a browser phone's registration renewed, and calls paused while it lapses, through a real Asterisk 22")
class BrowserPhoneRegistrationTest {
    private static final Duration EXPIRY = Duration.ofSeconds(10);
    /** Asterisk notices a silent browser within its qualify (30 s, plus 3 s) or the expiry plus its contact check (30 s). */
    private static final Duration NOTICED = Duration.ofSeconds(120);

    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(LoopbackWebRtc.asterisk())
            .withServer(BrowserPhonePages.anaOnTheBrowserPhone(", registrationExpiry: " + EXPIRY.toSeconds() + "s"));
    static final List<ContactChanged> events = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void recordContactEvents(TestServer server) {
        server.vertx().eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> events.add(m.body()))
                .completion().await();
    }

    /** The 200 OKs Asterisk answered the page's REGISTERs with: the first registration and each renewal. */
    private static List<String> registrationsGranted(Browser browser) {
        return sipReceived(browser).stream().filter(m -> m.startsWith("SIP/2.0 200") && m.contains(" REGISTER\r\n")).toList();
    }

    private static Operator ana() {
        return TELEPHONY.server().commands().work("ana").await().operator();
    }

    @Test
    void renewedItAnswersCalls_frozenItLapsesAndCallsWait_runningAgainTheWaitingCallerIsOffered(RealAsterisk asterisk,
            TestServer server) {
        try (Browser browser = BrowserPhonePages.browser(asterisk)) {
            ChromeDriver page = (ChromeDriver) browser.driver();
            signInReadyForCalls(page, server);

            // several lifetimes go by: the page renews each registration (JsSIP 5 s before it ends), Asterisk grants 10 s
            Eventually.until(() -> registrationsGranted(browser).size() >= 5, "the registration renewed four times",
                    Duration.ofSeconds(90));
            assertThat(registrationsGranted(browser)).allSatisfy(ok -> assertThat(ok).containsPattern("(?m)^Expires: 10$"));
            assertThat(takesCalls(server)).as("calls never paused while the page renewed").isTrue();
            try (SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(3)).key('2')
                    .expectLineHangsUpWithin(Duration.ofSeconds(150)).start()) {
                answers(browser);
                hangsUp(page);
                caller.awaitSuccess(RealAsterisk.CALLS);
            }

            // the page stops running: no renewal, no answer to Asterisk's OPTIONS, and nothing said to the server
            page.executeCdpCommand("Page.setWebLifecycleState", Map.of("state", "frozen"));
            Eventually.until(() -> ana().presence() == Presence.AVAILABLE && ana().profile().channels().equals(Set.of(Channel.CHAT)),
                    "ana offered chats only once Asterisk finds her phone gone", NOTICED);
            Eventually.until(() -> ana().state() != OperatorState.WRAP_UP, "ana's wrap-up over (30 s)", NOTICED);
            int before = events.size();
            // a colleague on a break keeps the line staffed: with nobody taking calls a caller would hear "closed"
            try (SocketProbe bogdan = server.console("bogdan")) {
                bogdan.next("welcome");
                bogdan.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "break").put("id", 1));
                bogdan.next("ack");
                callerWaitsThenIsOfferedOnceThePhoneRuns(browser, page, before, asterisk, server);
            }
            page.findElement(By.id("logout")).click();
        }
    }

    private static void callerWaitsThenIsOfferedOnceThePhoneRuns(Browser browser, ChromeDriver page, int before,
            RealAsterisk asterisk, TestServer server) {
        try (SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(3)).key('2')
                .expectLineHangsUpWithin(Duration.ofSeconds(300)).start()) {
            Eventually.until(() -> events.stream().skip(before).anyMatch(c -> c.reason() == ChangeReason.NEW),
                    "the caller in the queue", RealAsterisk.CALLS);
            Contact waiting = events.stream().skip(before).filter(c -> c.reason() == ChangeReason.NEW).findFirst().orElseThrow().contact();
            // holding with the music, told they are first: the router had every chance to offer them
            asterisk.awaitCli("core show channel " + waiting.channelRef(),
                    out -> out.contains("helpline-hold") && out.contains("HELPLINE_POSITION=1"), "the caller holding, first in line");
            assertThat(events.stream().skip(before).filter(c -> c.contact().id().equals(waiting.id())))
                    .as("not offered to ana's lapsed phone").noneMatch(c -> c.contact().state() == ContactState.OFFERED);

            // the page runs again: its phone registers, and the waiting caller is offered and answered
            page.executeCdpCommand("Page.setWebLifecycleState", Map.of("state", "active"));
            Eventually.until(() -> takesCalls(server), "calls offered to ana again once her phone registered", NOTICED);
            answers(browser);
            hangsUp(page);
            assertThat(events.stream().skip(before).filter(c -> c.contact().state() == ContactState.CONNECTED))
                    .extracting(c -> c.contact().id()).containsExactly(waiting.id());
            caller.awaitSuccess(RealAsterisk.CALLS);
        }
    }
}
