package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.json.JsonObject;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.action.PingAction;
import org.helpline.core.ChangeReason;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.Priority;
import org.helpline.testing.LogCapture;
import org.helpline.testing.OperatorPhone;
import org.helpline.testing.OperatorPhone.Answer;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.SocketProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The call paths on a real Asterisk 22 with the project's dialplan and configuration, real SIP calls
 * (SIPp callers on the carrier trunk, SIPp operator phones) and the whole server. One Asterisk and
 * one server for the class; every test leaves no call and no operator signed in behind it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealAsteriskCallsTest {
    /** Stock warnings accepted, each with why it is not the project's doing. */
    private static final List<String> ACCEPTED_WARNINGS = List.of(
            // the stock sample users.conf (make samples installs it); pbx_config reads it whether used or not
            "pbx_config.c: users.conf is deprecated",
            // a Redirect (the server connecting a caller) that lands as a prompt starts: the prompt is cut, the caller
            // moves on. A missing file would add file.c's "does not exist in any format", which is not accepted
            "pbx_builtins.c: ast_streamfile failed on PJSIP/sipp-test-");
    private static final Duration CALL = Duration.ofSeconds(120);

    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(RealAsterisk.with()
            .global("RING_TIMEOUT", "6")                                 // a phone that does not answer: 6 s, not 18
            .edit("pjsip.conf", "rtp_timeout = 60", "rtp_timeout = 5"))  // a vanished carrier: 5 s, not 60
            .withLine();

    @AfterEach
    void noCallLeft(RealAsterisk asterisk) {
        asterisk.awaitCli("core show channels count", out -> out.contains("0 active calls"), "no call left");
    }

    @Test
    @Order(0)
    void theAmiLinkCarriesOnlyTheEventsTheServerReads(RealAsterisk asterisk, RealLine line) throws Exception {
        ManagerConnection ami = new ManagerConnectionFactory("127.0.0.1", asterisk.amiPort(), "helpline",
                RealAsterisk.AMI_PASSWORD).createManagerConnection();
        List<String> events = new CopyOnWriteArrayList<>();
        try (OperatorPhone phone = OperatorPhone.register(asterisk, "2001", "127.0.0.2", Answer.PICKS_UP);
             SocketProbe ana = line.available("ana")) {
            ami.login();
            ami.sendAction(new PingAction()); // FullyBooted, written at login outside the filters, is read before counting
            ami.addEventListener(event -> events.add(event.getClass().getSimpleName().replaceFirst("Event$", "")));
            int mark = line.mark();
            SippRun caller = SippCaller.to(asterisk).pause(Duration.ofMillis(1500)).keys("291")
                    .holdFor(Duration.ofSeconds(10)).hangUp().start();
            caller.awaitSuccess(CALL);
            line.await(mark, line.newCall(mark).id(), ContactState.WRAP_UP);
            line.presence(ana, "offline");
        } finally {
            ami.logoff();
        }
        // an answered call: the caller's channel and the phone's, bridged, then both hung up; nothing else but
        // phones' registrations (ContactStatus: the desk phone qualified, for browser phones their lapses)
        assertThat(events).contains("DialEnd", "BridgeEnter", "BridgeLeave", "Hangup")
                .allSatisfy(name -> assertThat(name).isIn("Hangup", "DialEnd", "BridgeEnter", "BridgeLeave", "ContactStatus"));
    }

    @Test
    @Order(1)
    void answered_everyCallerRingsAnOperatorWhoseConsoleShowsTheCall_noneTakenForAHangUp(RealAsterisk asterisk, RealLine line) {
        // 4 calls, each offered at once to an idle operator: the offer comes while the inbound AGI is still
        // answering, and a Redirect then would break into it (the script took that for a hang-up: 9 of 16 calls)
        try (OperatorPhone phone1 = OperatorPhone.register(asterisk, "2001", "127.0.0.2", Answer.PICKS_UP);
             OperatorPhone phone2 = OperatorPhone.register(asterisk, "2002", "127.0.0.3", Answer.PICKS_UP);
             SocketProbe ana = line.available("ana");
             SocketProbe bogdan = line.available("bogdan")) {
            int mark = line.mark();
            // English, "in danger now?" 9, then a key that skips the 112 advice: the AGI runs seconds after the call starts
            SippRun callers = SippCaller.to(asterisk).pause(Duration.ofMillis(1500)).keys("291")
                    .holdFor(Duration.ofSeconds(12)).hangUp().calls(4, 0.2).start();

            callers.awaitSuccess(CALL);
            List<Contact> calls = line.newCalls(mark, 4);
            for (Contact call : calls) {
                assertThat(call.language()).isEqualTo("en");
                line.await(mark, call.id(), ContactState.WRAP_UP); // the last hang-up may still be on its way
                List<ContactState> states = line.events(call.id()).stream().map(c -> c.contact().state()).toList();
                assertThat(states).as("call %s", call.id()).containsSubsequence(ContactState.OFFERED, ContactState.CONNECTED,
                        ContactState.WRAP_UP).doesNotContain(ContactState.ABANDONED);
            }
            assertThat(phone1.invites() + phone2.invites()).isEqualTo(4);
            // the operator's phone shows the helpline, never the caller
            assertThat(phone1.received()).filteredOn(m -> m.startsWith("INVITE ")).allSatisfy(invite ->
                    assertThat(invite).contains("\"Helpline\" <sip:0800800678@").doesNotContain("caller@"));
            JsonObject shown = ana.next(m -> "contact".equals(m.getString("type"))
                    && "connected".equals(m.getJsonObject("contact").getString("state")), "a call connected on ana's console");
            assertThat(calls).extracting(Contact::id).contains(shown.getJsonObject("contact").getString("id"));
            line.presence(ana, "offline");
            line.presence(bogdan, "offline");
        }
    }

    @Test
    @Order(2)
    void callerHangsUpWhileWaiting_abandoned_afterHearingTheyAreNextWithNobodyAhead(RealAsterisk asterisk, RealLine line) {
        try (SocketProbe ana = line.paused("ana")) {
            int mark = line.mark();
            SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(1)).key('1')
                    .holdFor(Duration.ofSeconds(50)).hangUp().start();
            Contact call = line.newCall(mark);
            // the first position announcement: the caller is next, nobody is ahead of them, so no wait to speak of
            String variables = asterisk.awaitCli("core show channel " + call.channelRef(),
                    out -> out.contains("HELPLINE_POSITION=1"), "the position announced");
            assertThat(variables).contains("HELPLINE_WAIT_MINUTES=0");

            caller.awaitSuccess(CALL);
            assertThat(line.await(mark, call.id(), ContactState.ABANDONED).reason()).isEqualTo(ChangeReason.LEFT);
            line.presence(ana, "offline");
        }
    }

    @Test
    @Order(3)
    void phoneBusyOrNotAnswered_callerBackOnHoldKeepingTheirPlace(RealAsterisk asterisk, RealLine line) {
        try (OperatorPhone busy = OperatorPhone.register(asterisk, "2001", "127.0.0.2", Answer.BUSY);
             OperatorPhone ringing = OperatorPhone.register(asterisk, "2002", "127.0.0.3", Answer.NEVER);
             SocketProbe ana = line.available("ana");
             SocketProbe bogdan = line.available("bogdan");
             LogCapture log = new LogCapture()) {
            int mark = line.mark();
            SippRun caller = SippCaller.to(asterisk).pause(Duration.ofMillis(1500)).keys("291")
                    .holdFor(Duration.ofSeconds(30)).hangUp().start();
            Contact call = line.newCall(mark);
            line.await(mark, c -> c.contact().id().equals(call.id()) && c.reason() == ChangeReason.OFFER_MISSED
                    && c.contact().missedBy().size() == 2, "missed by both operators");

            caller.awaitSuccess(CALL); // the line never hung up on the caller
            assertThat(busy.invites()).isPositive();
            assertThat(ringing.invites()).isPositive();
            assertThat(line.events(call.id())).filteredOn(c -> c.reason() == ChangeReason.OFFER_MISSED)
                    .allSatisfy(c -> assertThat(c.contact().state()).isEqualTo(ContactState.QUEUED));
            line.await(mark, call.id(), ContactState.ABANDONED);
            // an ordinary busy or unanswered phone is no warning (Asterisk-Java knew no Hangup TechCause)
            assertThat(log.text().lines()).noneMatch(l -> l.contains(" WARN ") || l.contains("ERROR"));
            line.presence(ana, "offline");
            line.presence(bogdan, "offline");
        }
    }

    @Test
    @Order(4)
    void nineAtOnce_evenInTheFirstSecond_isUrgentAndOfferedBeforeEarlierCallers(RealAsterisk asterisk, RealLine line) {
        try (SocketProbe ana = line.paused("ana")) {
            int mark = line.mark();
            SippRun first = SippCaller.to(asterisk).pause(Duration.ofSeconds(1)).key('2')
                    .holdFor(Duration.ofSeconds(60)).hangUp().start();
            Contact normal = line.newCall(mark);
            // pressed right after the answer, while the line lets its media settle (it was dropped there)
            SippRun urgent = SippCaller.to(asterisk).pause(Duration.ofMillis(200)).key('9')
                    .holdFor(Duration.ofSeconds(50)).hangUp().start();
            Contact danger = line.await(mark, c -> c.reason() == ChangeReason.NEW && !c.contact().id().equals(normal.id()),
                    "the second call").contact();
            assertThat(danger.priority()).isEqualTo(Priority.URGENT);

            try (OperatorPhone phone = OperatorPhone.register(asterisk, "2001", "127.0.0.2", Answer.PICKS_UP)) {
                line.presence(ana, "available");
                Contact offered = line.await(mark, c -> c.reason() == ChangeReason.OFFERED, "the first offer").contact();
                assertThat(offered.id()).isEqualTo(danger.id());
                first.awaitSuccess(CALL);
                urgent.awaitSuccess(CALL);
            }
            line.presence(ana, "offline");
        }
    }

    @Test
    @Order(5)
    void duressKeys_endTheCallWithTheNeutralMessageAndTakeTheCallerOutOfTheQueue(RealAsterisk asterisk, RealLine line) {
        try (SocketProbe ana = line.paused("ana")) {
            int mark = line.mark();
            SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(1)).key('2').pause(Duration.ofSeconds(18))
                    .keys("*0").expectLineHangsUpWithin(Duration.ofSeconds(40)).start();
            Contact call = line.newCall(mark);
            caller.awaitSuccess(CALL);
            assertThat(line.await(mark, call.id(), ContactState.ABANDONED).reason()).isEqualTo(ChangeReason.LEFT);
            line.presence(ana, "offline");
        }
    }

    @Test
    @Order(6)
    void callerWhoseCarrierVanishesWithoutBye_endsAsAbandoned(RealAsterisk asterisk, RealLine line) {
        try (SocketProbe ana = line.paused("ana")) {
            int mark = line.mark();
            SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(1)).key('2').pause(Duration.ofSeconds(18))
                    .vanish().start();
            Contact call = line.newCall(mark);
            caller.awaitSuccess(CALL);
            // rtp_timeout (5 s here, 60 s in pjsip.conf) ends the call: the server hears the hang-up
            assertThat(line.await(mark, call.id(), ContactState.ABANDONED).reason()).isEqualTo(ChangeReason.LEFT);
            line.presence(ana, "offline");
        }
    }

    @Test
    @Order(7)
    void nobodySignedIn_callerHearsTheClosedMessageTwiceAndTheLineHangsUp(RealAsterisk asterisk, RealLine line) {
        int mark = line.mark();
        SippRun caller = SippCaller.to(asterisk).pause(Duration.ofMillis(1500)).keys("291")
                .expectLineHangsUpWithin(Duration.ofSeconds(100)).start();
        caller.awaitSuccess(CALL);
        assertThat(line.eventsSince(mark)).as("nothing queued").isEmpty();
        assertThat(asterisk.problems()).as("every prompt found").noneMatch(l -> l.contains("file_open"));
    }

    @Test
    @Order(9)
    void serverDown_callerRingsTheOperatorsPhoneThroughTheFallbackQueue(RealAsterisk asterisk, RealLine line) {
        int logged = asterisk.problems().size();
        line.stop();
        try (OperatorPhone phone = OperatorPhone.register(asterisk, "2001", "127.0.0.2", Answer.PICKS_UP)) {
            SippRun caller = SippCaller.to(asterisk).pause(Duration.ofMillis(1500)).keys("291")
                    .holdFor(Duration.ofSeconds(25)).hangUp().start();
            caller.awaitSuccess(CALL);
            String invite = phone.received().stream().filter(m -> m.startsWith("INVITE ")).findFirst()
                    .orElseThrow(() -> new AssertionError("the fallback queue never rang the phone"));
            assertThat(invite).contains("\"Helpline\" <sip:0800800678@");
        }
        // Asterisk says why: the server's AGI port refused (the runbook's first sign of a server that is down)
        assertThat(asterisk.problems().subList(logged, asterisk.problems().size()))
                .allMatch(l -> l.contains("res_agi.c: Connecting to '127.0.0.1:" + line.agiPort + "' failed")
                        || l.contains("res_agi.c: Couldn't connect to any host.  FastAGI failed."));
        line.start(); // the same ports again: Asterisk's AMI and AGI links come back (start waits for them)
    }

    @Test
    @Order(8)
    void asteriskLogsNoErrorOrWarningCausedByTheProjectsFiles(RealAsterisk asterisk) {
        assertThat(asterisk.problems()).filteredOn(l -> ACCEPTED_WARNINGS.stream().noneMatch(l::contains)).isEmpty();
    }
}
