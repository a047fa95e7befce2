package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.TelephonyRoom.CALLER;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.helpline.core.Addresses;
import org.helpline.core.Command;
import org.helpline.core.ContactState;
import org.helpline.core.Presence;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("scripts a holding caller runs")
@ExtendWith(VertxExtension.class)
class HoldScriptsTest {
    private static final String SECOND_CALLER = "PJSIP/carrier-0000002a";

    private TelephonyRoom room;

    @BeforeEach
    void open(Vertx vertx) {
        // six-minute calls, one operator signed in (paused, so nothing is offered meanwhile)
        room = TelephonyRoom.start(vertx, new FakeClock(), "  averageCallTime: 6m").ready();
        room.signIn("op-1", Presence.PAUSED, "2001", "ro");
    }

    @AfterEach
    void close() throws Exception {
        room.close();
    }

    @Nested
    @DisplayName("position")
    class Position {
        @Test
        void announcesThePlaceInTheQueueAndTheExpectedWait() throws Exception {
            room.holding(CALLER, "ro");
            room.holding(SECOND_CALLER, "ro");

            try (AgiCall call = room.call("position", SECOND_CALLER)) {
                // one caller ahead, one operator, 6-minute calls
                call.mset("HELPLINE_POSITION=2", "HELPLINE_WAIT_MINUTES=6", "HELPLINE_ACTION=hold").ends();
            }
        }

        @Test
        void tellsAWaitingCallersPlaceFromTheRoomAndAsksTheDispatchOnlyAboutOthers() throws Exception {
            room.holding(CALLER, "ro");
            List<Object> asked = new CopyOnWriteArrayList<>();
            room.vertx.eventBus().addOutboundInterceptor(sent -> {
                if (Addresses.COMMANDS.equals(sent.message().address())) {
                    asked.add(sent.body());
                }
                sent.next();
            });

            try (AgiCall call = room.call("position", CALLER)) {
                call.mset("HELPLINE_POSITION=1", "HELPLINE_WAIT_MINUTES=0", "HELPLINE_ACTION=hold").ends();
            }
            assertThat(asked).as("no trip to the dispatch for a caller the room sees waiting").isEmpty();

            // a channel the room does not see waiting: only the dispatch may say the caller is gone
            try (AgiCall call = room.call("position", SECOND_CALLER)) {
                call.set("HELPLINE_ACTION", "gone").ends();
            }
            assertThat(asked).containsExactly(new Command.LocateCall(SECOND_CALLER));
        }

        @Test
        void saysGoneWhenTheRouterNoLongerKnowsTheCaller() throws Exception {
            String contact = room.holding(CALLER, "ro");
            room.commands.contact(new Command.Leave(contact)).await();
            room.next(contact, ContactState.ABANDONED);

            try (AgiCall call = room.call("position", CALLER)) {
                call.set("HELPLINE_ACTION", "gone").ends();
            }
            try (AgiCall call = room.call("position", SECOND_CALLER)) {
                call.set("HELPLINE_ACTION", "gone").ends();
            }
        }

        @Test
        void answersNothingWhileNoDispatchAnswers() throws Exception {
            // e.g. the server restarting: its AGI listener is up before the dispatch has restored the queue
            Vertx restarting = Vertx.vertx();
            try (TelephonyRoom withoutDispatch = TelephonyRoom.start(restarting, new FakeClock(), "", false,
                    new TestAmi("secret")).ready(); AgiCall call = withoutDispatch.call("position", CALLER)) {
                call.ends(); // no HELPLINE_ACTION: the dialplan counts a failed announcement
                assertThat(withoutDispatch.answers("position", "none")).isEqualTo(1.0);
            } finally {
                restarting.close().await();
            }
        }

        @Test
        void anMSetAsteriskRefusesIsAFailedScriptNotAnAnnouncement() throws Exception {
            room.holding(CALLER, "ro");

            try (AgiCall call = room.call("position", CALLER)) {
                // e.g. an Asterisk without the MSet application: -2
                call.expect("EXEC \"MSet\" \"HELPLINE_POSITION=1,HELPLINE_WAIT_MINUTES=0,HELPLINE_ACTION=hold\"")
                        .reply("200 result=-2");
                call.set("AJ_AGISTATUS", "FAILED"); // the dialplan sees no HELPLINE_ACTION: a failed announcement
            }
            assertThat(room.answers("position", "hold")).isZero();
        }

        @Test
        void stopsAtAHangUp() throws Exception {
            room.holding(CALLER, "ro");

            try (AgiCall call = room.call("position", CALLER)) {
                call.expect("EXEC \"MSet\" \"HELPLINE_POSITION=1,HELPLINE_WAIT_MINUTES=0,HELPLINE_ACTION=hold\"")
                        .reply("HANGUP", "511 Command Not Permitted on a dead channel or intercept routine");
                call.ends(); // no more commands on a dead channel
            }
        }
    }

    @Nested
    @DisplayName("duress")
    class Duress {
        @Test
        void takesTheCallerOutOfTheQueueWithoutAWord() throws Exception {
            String contact = room.holding(CALLER, "ro");

            try (AgiCall call = room.call("duress", CALLER)) {
                call.ends(); // the server knows the channel: it asks Asterisk nothing
            }
            room.next(contact, ContactState.ABANDONED);
            assertThat(room.answers("duress", "ended")).isEqualTo(1.0);
        }

        @Test
        void beforeTheInboundScriptThereIsNothingToTakeOutAndNobodyElseIsTouched() throws Exception {
            room.holding(CALLER, "ro");

            try (AgiCall call = room.call("duress", "PJSIP/carrier-00000031")) {
                call.ends();
            }
            try (AgiCall call = room.call("position", CALLER)) {
                call.mset("HELPLINE_POSITION=1", "HELPLINE_WAIT_MINUTES=0", "HELPLINE_ACTION=hold").ends();
            }
        }
    }
}
