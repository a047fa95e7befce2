package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.TelephonyRoom.CALLER;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.helpline.core.QueuePlace;
import org.helpline.core.RejectedCommand;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Whole calls: the dialplan's scripts over FastAGI, Asterisk's events over AMI (the Asterisk 22
 * captures of a SIP call, sipp-call.txt, with the operator's phone as the dialled channel), and the
 * contact's states as the dispatch publishes them.
 */
@DisplayName("calls")
@ExtendWith(VertxExtension.class)
class CallFlowTest {
    private static final String CAPTURE = "sipp-call.txt";
    /** The capture's caller dialled a queue member; here the dialplan dials the operator's phone. */
    private static final String CAPTURED_DESTINATION = "Local/agent2@agents-00000004;1";
    private static final String OPERATOR_PHONE = "PJSIP/2001-00000005";

    private TelephonyRoom room;

    @BeforeEach
    void open(Vertx vertx) {
        room = TelephonyRoom.start(vertx, new FakeClock(), "").ready();
    }

    @AfterEach
    void close() throws Exception {
        room.close();
    }

    private static String captured(String event) {
        return Transcript.amiEvent(CAPTURE, event, CALLER).replace(CAPTURED_DESTINATION, OPERATOR_PHONE);
    }

    private static String phoneNotAnswered() {
        return captured("DialEnd")
                .replace("DestChannelState: 6\r\nDestChannelStateDesc: Up", "DestChannelState: 5\r\nDestChannelStateDesc: Ringing")
                .replace("DialStatus: ANSWER", "DialStatus: NOANSWER");
    }

    private void expectRedirectToOperatorPhone() {
        Map<String, String> redirect = room.ami.awaitAction("Redirect");
        assertThat(redirect).containsEntry("Channel", CALLER)
                .containsEntry("Context", "helpline-connect")
                .containsEntry("Exten", "2001")
                .containsEntry("Priority", "1");
    }

    @Test
    void anAnsweredCallConnectsTheCallerWithTheOperatorUntilTheyHangUp() {
        room.signIn("op-1", Presence.AVAILABLE, "2001", "ro");
        String contact = room.holding(CALLER, "ro");
        assertThat(room.next(contact, ContactState.OFFERED).contact().operatorId()).isEqualTo("op-1");

        expectRedirectToOperatorPhone();
        room.ami.send(captured("DialBegin"));
        room.ami.send(captured("DialEnd"));
        room.ami.send(Transcript.amiEvent(CAPTURE, "BridgeCreate"));
        room.ami.send(captured("BridgeEnter"));
        ContactChanged connected = room.next(contact, ContactState.CONNECTED);
        assertThat(connected.reason()).isEqualTo(ChangeReason.ACCEPTED);
        assertThat(connected.contact().operatorId()).isEqualTo("op-1");

        room.ami.send(captured("BridgeLeave"));
        room.ami.send(captured("Hangup"));
        assertThat(room.next(contact, ContactState.WRAP_UP).reason()).isEqualTo(ChangeReason.LEFT);
    }

    @Test
    void anOfferMadeWhileTheInboundScriptAnswersIsRedirectedOnlyAfterIt() throws Exception {
        // a Redirect breaks into a running AGI, and the script took the break for the caller hanging up
        room.signIn("op-1", Presence.AVAILABLE, "2001", "ro");
        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            assertThat(call.command()).isEqualTo("SET VARIABLE \"HELPLINE_ACTION\" \"hold\""); // Asterisk has not replied yet
            String contact = room.next(c -> c.contact().state() == ContactState.OFFERED, "offered at once").contact().id();
            assertThat(room.ami.actionWithin("Redirect", Duration.ofMillis(500))).as("a Redirect during the script").isNull();

            call.reply("200 result=1").ends();
            expectRedirectToOperatorPhone();
            room.ami.send(captured("DialBegin"));
            room.ami.send(captured("DialEnd"));
            assertThat(room.next(contact, ContactState.CONNECTED).reason()).isEqualTo(ChangeReason.ACCEPTED);
        }
    }

    @Test
    void aCallerWhoHangsUpOnHoldLeavesTheQueue() {
        String channel = "Local/0800800678@inbound-00000002;2";
        room.signIn("op-1", Presence.PAUSED, "2001", "ro");
        String contact = room.holding(channel, "ro");

        room.ami.send(Transcript.amiEvent("ami-call-abandoned.txt", "Hangup", channel));

        assertThat(room.next(contact, ContactState.ABANDONED).reason()).isEqualTo(ChangeReason.LEFT);
    }

    @Test
    void aCallerWhoHangsUpWhileBeingRegisteredLeavesToo() {
        room.signIn("op-1", Presence.PAUSED, "2001", "ro");
        room.ami.send(captured("Hangup")); // heard before (or after) the inbound script's contact

        String contact = room.holding(CALLER, "ro");

        room.next(contact, ContactState.ABANDONED);
    }

    @Test
    void anUnansweredPhoneSendsTheCallerBackToTheirPlace() {
        room.signIn("op-1", Presence.AVAILABLE, "2001", "ro");
        String contact = room.holding(CALLER, "ro");
        expectRedirectToOperatorPhone();

        room.ami.send(captured("DialBegin"));
        room.ami.send(phoneNotAnswered());

        Contact back = room.next(contact, ContactState.QUEUED, ChangeReason.OFFER_MISSED).contact();
        assertThat(back.missedBy()).containsExactly("op-1");
        // the only operator is asked again (one miss does not pause them): the caller is redirected again
        room.next(contact, ContactState.OFFERED);
        expectRedirectToOperatorPhone();
    }

    @Test
    void theEndOfAnEarlierDialDoesNotCountAgainstTheNextOffer() {
        room.signIn("op-1", Presence.AVAILABLE, "2002", "ro");
        String contact = room.holding(CALLER, "ro");
        room.ami.awaitAction("Redirect");

        room.ami.send(phoneNotAnswered()); // PJSIP/2001: not the phone this offer rings
        room.ami.send(Transcript.amiEvent(CAPTURE, "BridgeCreate"));
        room.ami.send(captured("BridgeEnter"));

        assertThat(room.next(contact, ContactState.CONNECTED).reason()).isEqualTo(ChangeReason.ACCEPTED);
    }

    @Test
    void anOfferToAnOperatorWithoutPhoneGoesBack() {
        room.signIn("op-phone", Presence.PAUSED, "2001", "ro"); // the line is staffed...
        room.signIn("op-chat", Presence.AVAILABLE, null, "ro"); // ...but this one has no phone
        String contact = room.holding(CALLER, "ro");

        room.next(contact, ContactState.OFFERED);
        assertThat(room.next(contact, ContactState.QUEUED, ChangeReason.OFFER_MISSED).contact().missedBy())
                .containsExactly("op-chat");
    }

    @Test
    void anEndpointTheDialplanCannotDialIsNoPhone() {
        room.signIn("op-phone", Presence.PAUSED, "2001", "ro");
        room.signIn("op-named", Presence.AVAILABLE, "alice", "ro"); // helpline-connect matches digits only
        String contact = room.holding(CALLER, "ro");

        room.next(contact, ContactState.QUEUED, ChangeReason.OFFER_MISSED);
    }

    @Test
    void aRedirectToAVanishedChannelMeansTheCallerHasLeft() {
        room.ami.refuseRedirects("Channel does not exist: " + CALLER);
        room.signIn("op-1", Presence.AVAILABLE, "2001", "ro");
        String contact = room.holding(CALLER, "ro");

        assertThat(room.next(contact, ContactState.ABANDONED).reason()).isEqualTo(ChangeReason.LEFT);
    }

    @Test
    void afterTheAmiLinkIsCutTheRoomReconnectsAndForgetsCallersWhoLeftMeanwhile() {
        String stayed = "PJSIP/carrier-00000010";
        String left = "PJSIP/carrier-00000011";
        room.signIn("op-1", Presence.PAUSED, "2001", "ro");
        String staying = room.holding(stayed, "ro");
        String leaving = room.holding(left, "ro");

        room.ami.channelsAlive(List.of(stayed), List.of());
        room.ami.cut();

        room.ami.awaitAction("CoreShowChannels");
        assertThat(room.next(leaving, ContactState.ABANDONED).reason()).isEqualTo(ChangeReason.LEFT);
        QueuePlace place = room.commands.locate(staying).await();
        assertThat(place.contact().state()).isEqualTo(ContactState.QUEUED);
        assertThat(place.position()).isEqualTo(1);
        assertThat(room.ami.logins()).isEqualTo(2);
        assertThat(room.ami.connections()).as("Asterisk-Java's own reconnect stays out").isEqualTo(2);
        assertThat(room.telephony.ami().up()).isTrue();
    }

    @Test
    void anOfferMadeWhileTheLinkIsDownRingsTheOperatorOnceItIsBack() {
        room.signIn("op-1", Presence.PAUSED, "2001", "ro");
        String contact = room.holding(CALLER, "ro");
        room.ami.refuseLogins(true);
        room.ami.cut();
        TelephonyRoom.eventually(() -> !room.telephony.ami().up(), "AMI down");

        room.signIn("op-1", Presence.AVAILABLE, "2001", "ro");
        room.next(contact, ContactState.OFFERED);
        room.ami.channelsAlive(List.of(CALLER), List.of());
        room.ami.refuseLogins(false);

        expectRedirectToOperatorPhone();
        room.ami.send(captured("DialEnd"));
        ContactChanged after = room.next(c -> c.contact().id().equals(contact), "the offer's outcome");
        assertThat(after.contact().state()).as("not missed while the link was down").isEqualTo(ContactState.CONNECTED);
    }

    @Test
    void afterAServerRestartCallersWhoLeftMeanwhileAreTakenOut() throws Exception {
        // another server without a dispatch: the test plays the dispatch's restore and hears the commands
        Vertx vertx = Vertx.vertx();
        TestAmi asterisk = new TestAmi("secret");
        asterisk.channelsAlive(List.of("PJSIP/carrier-00000010"), List.of());
        TelephonyRoom restarted = TelephonyRoom.start(vertx, new FakeClock(), "", false, asterisk).ready();
        BlockingQueue<Command> commands = new LinkedBlockingQueue<>();
        vertx.eventBus().<Command>consumer(Addresses.COMMANDS, m -> {
            commands.add(m.body());
            m.reply(new RejectedCommand("test", "recorded"));
        }).completion().await();
        try {
            Contact stayed = restoredCall("c-stayed", "PJSIP/carrier-00000010");
            Contact left = restoredCall("c-left", "PJSIP/carrier-00000011");
            vertx.eventBus().publish(Addresses.CONTACT_EVENTS, new ContactChanged(stayed, ChangeReason.RESTORED));
            vertx.eventBus().publish(Addresses.CONTACT_EVENTS, new ContactChanged(left, ChangeReason.RESTORED));

            asterisk.awaitAction("CoreShowChannels");
            assertThat(commands.poll(5, TimeUnit.SECONDS)).isEqualTo(new Command.Leave("c-left"));
            assertThat(commands.poll()).as("nothing for the caller still holding").isNull();
        } finally {
            restarted.close();
            vertx.close().await();
        }
    }

    private static Contact restoredCall(String id, String channel) {
        Instant then = Instant.parse("2026-11-23T08:55:00Z");
        return new Contact(id, Channel.CALL, "ro", "unknown", Priority.NORMAL, ContactState.QUEUED, 1, then, then,
                null, null, Set.of(), false, null, channel);
    }

    @Test
    void aCallAnsweredWhileTheLinkWasDownIsConnectedOnReconnect() {
        room.signIn("op-1", Presence.AVAILABLE, "2001", "ro");
        String contact = room.holding(CALLER, "ro");
        expectRedirectToOperatorPhone();

        room.ami.channelsAlive(List.of(CALLER, OPERATOR_PHONE), List.of(CALLER, OPERATOR_PHONE));
        room.ami.cut(); // DialEnd and BridgeEnter are lost with the link

        assertThat(room.next(contact, ContactState.CONNECTED).reason()).isEqualTo(ChangeReason.ACCEPTED);
    }
}
