package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.TelephonyRoom.CALLER;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.junit5.VertxExtension;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.NewContact;
import org.helpline.core.Operator;
import org.helpline.core.OperatorProfile;
import org.helpline.core.OperatorState;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("inbound script")
@ExtendWith(VertxExtension.class)
class InboundScriptTest {
    /** Monday 23 November 2026, 11:00 in Bucharest: open. */
    private final FakeClock monday = new FakeClock(Instant.parse("2026-11-23T09:00:00Z"));
    private TelephonyRoom room;

    @AfterEach
    void close() throws Exception {
        if (room != null) {
            room.close();
        }
    }

    private TelephonyRoom open(Vertx vertx) {
        room = TelephonyRoom.start(vertx, monday, "").ready();
        return room;
    }

    @Test
    void queuesTheCallerAndTellsTheDialplanToHold(Vertx vertx) throws Exception {
        open(vertx).signIn("op-1", Presence.PAUSED, "2001", "ro");

        try (AgiCall call = room.call("inbound", CALLER, "ro", "urgent")) {
            call.set("HELPLINE_ACTION", "hold").ends();

            Contact contact = room.next(c -> c.reason() == ChangeReason.NEW, "new contact").contact();
            assertThat(contact.channel()).isEqualTo(Channel.CALL);
            assertThat(contact.channelRef()).isEqualTo(CALLER);
            assertThat(contact.language()).isEqualTo("ro");
            assertThat(contact.priority()).isEqualTo(Priority.URGENT);
            assertThat(contact.topic()).isEqualTo("unknown");
        }
    }

    @Test
    void whatTheScriptsToldTheDialplanIsCountedForMetrics(Vertx vertx) throws Exception {
        open(vertx).signIn("op-1", Presence.PAUSED, "2001", "ro");

        room.holding(CALLER, "ro");
        try (AgiCall call = room.call("inbound", "PJSIP/carrier-00000002", "en", "normal")) {
            call.set("HELPLINE_ACTION", "closed").ends(); // nobody takes calls in English
        }
        try (AgiCall call = room.call("position", "PJSIP/carrier-00000003")) {
            call.set("HELPLINE_ACTION", "gone").ends();
        }

        assertThat(room.answers("inbound", "hold")).isEqualTo(1.0);
        assertThat(room.answers("inbound", "closed")).isEqualTo(1.0);
        assertThat(room.answers("position", "gone")).isEqualTo(1.0);
        assertThat(room.answers("inbound", "fallback")).isZero();
        assertThat(room.metrics.get("helpline_telephony_up").tag("link", "ami").gauge().value()).isEqualTo(1.0);
        assertThat(room.metrics.get("helpline_telephony_up").tag("link", "agi").gauge().value()).isEqualTo(1.0);
    }

    @Test
    void answersClosedOutsideOpeningHours(Vertx vertx) throws Exception {
        monday.advance(java.time.Duration.ofHours(8)); // 19:00 in Bucharest
        open(vertx).signIn("op-1", Presence.AVAILABLE, "2001", "ro");

        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            call.set("HELPLINE_ACTION", "closed").ends();
        }
        assertNothingQueued();
    }

    @Test
    void answersClosedWhenNobodyWhoSpeaksTheCallersLanguageIsSignedIn(Vertx vertx) throws Exception {
        open(vertx).signIn("op-1", Presence.PAUSED, "2001", "en");
        room.signIn("op-2", Presence.OFFLINE, "2002", "ro");

        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            call.set("HELPLINE_ACTION", "closed").ends();
        }
        assertNothingQueued();
    }

    /** A room with no dispatch behind it, which has heard of an operator taking calls in Romanian. */
    private void withoutDispatch(Vertx vertx) {
        room = TelephonyRoom.start(vertx, monday, "", false, new TestAmi("secret")).ready();
        Operator signedIn = new Operator(new OperatorProfile("op-1", Set.of("ro"), Set.of(Channel.CALL), 1, "2001"),
                Presence.AVAILABLE, OperatorState.AVAILABLE, null, monday.instant(), monday.instant(), 0, 0);
        vertx.eventBus().publish(Addresses.OPERATOR_EVENTS, new OperatorChanged(signedIn, ChangeReason.PRESENCE));
        TelephonyRoom.eventually(() -> room.telephony.roster().operator("op-1").isPresent(), "the room hears the operator");
    }

    @Test
    void fallsBackWhenTheDispatchDoesNotAnswer(Vertx vertx) throws Exception {
        withoutDispatch(vertx);

        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            call.set("HELPLINE_ACTION", "fallback").ends();
        }
    }

    @Test
    void aRegistrationAnsweredTooLateIsTakenBackSoNoOperatorIsOfferedAGhost(Vertx vertx) throws Exception {
        withoutDispatch(vertx);
        // a dispatch that answers only when told: slower than the script's reply timeout (2 s)
        BlockingQueue<Message<Command>> received = new LinkedBlockingQueue<>();
        vertx.eventBus().<Command>consumer(Addresses.COMMANDS, received::add).completion().await();

        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            call.set("HELPLINE_ACTION", "fallback").ends();
        }
        Message<Command> enqueue = received.poll(5, TimeUnit.SECONDS);
        assertThat(enqueue.body()).isInstanceOf(Command.Enqueue.class);
        Contact late = new Contact("late-1", Channel.CALL, "ro", "unknown", Priority.NORMAL, ContactState.QUEUED, 1,
                monday.instant(), monday.instant(), null, null, Set.of(), false, null, CALLER);
        enqueue.reply(late);

        Message<Command> taken = received.poll(5, TimeUnit.SECONDS);
        assertThat(taken).as("the late contact is taken back").isNotNull();
        assertThat(taken.body()).isEqualTo(new Command.Leave("late-1"));
    }

    @Test
    void fallsBackWhileThereIsNoAmiLinkToMoveTheCaller(Vertx vertx) throws Exception {
        open(vertx).signIn("op-1", Presence.PAUSED, "2001", "ro");
        room.ami.refuseLogins(true);
        room.ami.cut();
        TelephonyRoom.eventually(() -> !room.telephony.ami().up(), "AMI down");

        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            call.set("HELPLINE_ACTION", "fallback").ends();
        }
        assertNothingQueued();
    }

    @ParameterizedTest(name = "Asterisk answers {0}")
    @ValueSource(strings = {
            "200 result=-1",
            "510 Invalid or unknown command",
            "520-Invalid command syntax.  Proper usage follows:\n"
                    + "Stream the given <replaceable>file</replaceable>, and receive DTMF data.\n"
                    + "Returns the digits received from the channel at the other end.\n"
                    + "520 End of proper usage."})
    void fallsBackAndForgetsTheContactWhenTheDialplanCannotBeTold(String reply, Vertx vertx) throws Exception {
        open(vertx).signIn("op-1", Presence.PAUSED, "2001", "ro");

        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            call.expect("SET VARIABLE \"HELPLINE_ACTION\" \"hold\"").reply(reply);
            call.set("HELPLINE_ACTION", "fallback").ends();
        }
        String id = room.next(c -> c.reason() == ChangeReason.NEW, "new contact").contact().id();
        room.next(id, ContactState.ABANDONED);
    }

    @Test
    void forgetsTheContactWhenTheCallerHangsUpDuringTheScript(Vertx vertx) throws Exception {
        open(vertx).signIn("op-1", Presence.PAUSED, "2001", "ro");

        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            call.expect("SET VARIABLE \"HELPLINE_ACTION\" \"hold\"").reply("HANGUP", "511 Command Not Permitted on a dead channel or intercept routine");
            call.ends(); // no more commands on a dead channel
        }
        String id = room.next(c -> c.reason() == ChangeReason.NEW, "new contact").contact().id();
        room.next(id, ContactState.ABANDONED);
    }

    @ParameterizedTest(name = "script \"{0}\"")
    @ValueSource(strings = {"", "nonsense"})
    void aRequestForNoKnownScriptIsAnsweredNotFoundAndTheServerCarriesOn(String script, Vertx vertx) throws Exception {
        open(vertx).signIn("op-1", Presence.PAUSED, "2001", "ro");

        try (AgiCall call = room.call(script, CALLER)) {
            call.expect("SET VARIABLE \"AJ_AGISTATUS\" \"NOT_FOUND\"").reply("200 result=1");
            // Asterisk-Java also tells Asterisk's console why; the dialplan sees AGISTATUS != SUCCESS: fallback
            assertThat(call.command()).startsWith("VERBOSE ");
            call.reply("200 result=1").ends();
        }
        try (AgiCall call = room.call("inbound", CALLER, "ro", "normal")) {
            call.set("HELPLINE_ACTION", "hold").ends();
        }
    }

    /** A chat probe through the same dispatch: if its contact is the next change, no call was queued before it. */
    private void assertNothingQueued() {
        Contact probe = room.commands.contact(new Command.Enqueue(
                new NewContact(Channel.CHAT, "ro", null, Priority.NORMAL, "probe"))).await();
        ContactChanged next = room.next();
        assertThat(next.contact().id()).as("first change after the call").isEqualTo(probe.id());
    }
}
