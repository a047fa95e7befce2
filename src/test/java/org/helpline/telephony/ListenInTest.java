package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpline.telephony.TelephonyRoom.CALLER;

import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.junit5.VertxExtension;
import org.helpline.core.Addresses;
import org.helpline.core.ContactState;
import org.helpline.core.ListenIn;
import org.helpline.core.Presence;
import org.helpline.core.RejectedCommand;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A supervisor listens in: the room rings the supervisor's phone with an AMI Originate that runs ChanSpy on
 * the call (docs/telephony.md, "Listening in").
 */
@DisplayName("listening in")
@ExtendWith(VertxExtension.class)
class ListenInTest {
    private static final String CAPTURE = "sipp-call.txt";
    private static final String SUPERVISOR_PHONE = "2100";

    private TelephonyRoom room;

    @BeforeEach
    void open(Vertx vertx) {
        room = TelephonyRoom.start(vertx, new FakeClock(), "").ready();
    }

    @AfterEach
    void close() throws Exception {
        room.close();
    }

    /** A caller on hold is offered to op-1 (phone 2001), who answers. */
    private String callInConversation() {
        room.signIn("op-1", Presence.AVAILABLE, "2001", "ro");
        String contact = room.holding(CALLER, "ro");
        room.ami.awaitAction("Redirect");
        room.ami.send(Transcript.amiEvent(CAPTURE, "BridgeEnter", CALLER));
        room.next(contact, ContactState.CONNECTED);
        return contact;
    }

    private Object listenIn(String contact, ListenIn.Mode mode) {
        return listenIn(contact, SUPERVISOR_PHONE, mode);
    }

    private Object listenIn(String contact, String phone, ListenIn.Mode mode) {
        return room.vertx.eventBus().request(Addresses.LISTEN_IN, new ListenIn(contact, phone, mode))
                .map(Message::body).await();
    }

    /** The dispatch publishes before the room has heard it: ask until the room knows the call is connected. */
    private Object listenInOnceConnected(String contact, String phone, ListenIn.Mode mode) {
        Object[] reply = new Object[1];
        TelephonyRoom.eventually(() -> {
            reply[0] = listenIn(contact, phone, mode);
            return !(reply[0] instanceof RejectedCommand refused && refused.code().equals("wrong_state"));
        }, "the room hears the call is connected");
        return reply[0];
    }

    @Test
    void listeningRingsTheSupervisorsPhoneWhichSpiesOnTheCallersChannel() {
        String contact = callInConversation();

        assertThat(listenInOnceConnected(contact, SUPERVISOR_PHONE, ListenIn.Mode.LISTEN)).isEqualTo(true);

        Map<String, String> originate = room.ami.awaitAction("Originate");
        assertThat(originate).containsEntry("Channel", "PJSIP/" + SUPERVISOR_PHONE)
                .containsEntry("Application", "ChanSpy")
                .containsEntry("Data", CALLER + ",qE")
                .containsEntry("Async", "true")
                .containsEntry("CallerID", "Helpline listen-in");
    }

    @Test
    void bargingJoinsBothSidesOfTheCall() {
        String contact = callInConversation();

        listenInOnceConnected(contact, SUPERVISOR_PHONE, ListenIn.Mode.BARGE);

        assertThat(room.ami.awaitAction("Originate")).containsEntry("Data", CALLER + ",qBE");
    }

    @Test
    void whisperingSpiesOnTheOperatorsPhoneSoTheCallerNeverHearsIt() {
        String contact = callInConversation();

        listenInOnceConnected(contact, SUPERVISOR_PHONE, ListenIn.Mode.WHISPER);

        assertThat(room.ami.awaitAction("Originate")).containsEntry("Channel", "PJSIP/" + SUPERVISOR_PHONE)
                .containsEntry("Data", "PJSIP/2001-,qwE");
    }

    @Test
    void onlyACallInConversationCanBeListenedTo() {
        room.signIn("op-1", Presence.PAUSED, "2001", "ro");
        String holding = room.holding(CALLER, "ro");

        assertThat(listenIn(holding, ListenIn.Mode.LISTEN)).isInstanceOfSatisfying(RejectedCommand.class,
                r -> assertThat(r.code()).isEqualTo("wrong_state"));
        assertThat(listenIn("no-such-contact", ListenIn.Mode.LISTEN)).isInstanceOfSatisfying(RejectedCommand.class,
                r -> assertThat(r.code()).isEqualTo("unknown_contact"));
    }

    @Test
    void aSupervisorPhoneMustBeAnEndpointName() {
        String contact = callInConversation();

        Object reply = listenInOnceConnected(contact, "2100&Local/x", ListenIn.Mode.LISTEN);

        assertThat(reply).isInstanceOfSatisfying(RejectedCommand.class, r -> assertThat(r.code()).isEqualTo("no_phone"));
        assertThatThrownBy(() -> new ListenIn(contact, null, ListenIn.Mode.LISTEN)).isInstanceOf(NullPointerException.class);
    }
}
