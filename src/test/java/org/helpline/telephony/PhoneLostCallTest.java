package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.vertx.core.json.JsonObject;
import org.helpline.core.ChangeReason;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.testing.OperatorPhone;
import org.helpline.testing.OperatorPhone.Answer;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.SocketProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An operator's phone that drops out of a call (its network gone: no more audio, no BYE), on a real Asterisk 22:
 * the operator leg ends by rtp_timeout, and the caller, still on the line, goes back to hold at their place, ahead
 * of a caller who came later, and is offered again first. The operator's phone here is a SIPp desk phone that
 * answers and never sends audio, with a 4 s rtp_timeout (the browser phone's template has 15 s): the dialplan and
 * the server treat every PJSIP endpoint alike.
 */
class PhoneLostCallTest {
    private static final Duration CALL = Duration.ofSeconds(150);

    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(RealAsterisk.with()
            .global("RING_TIMEOUT", "6")
            .edit("pjsip.conf", "device_state_busy_at = 1 ", "rtp_timeout = 4\ndevice_state_busy_at = 1 ")).withLine();

    @Test
    void aCallerWhoseOperatorsPhoneDropsOutGoesBackToHoldAtTheirPlaceAndIsOfferedAgainFirst(
            RealAsterisk asterisk, RealLine line) {
        try (OperatorPhone silent = OperatorPhone.register(asterisk, "2001", "127.0.0.2", Answer.PICKS_UP);
             SocketProbe ana = line.paused("ana");
             SocketProbe bogdan = line.paused("bogdan")) {
            int mark = line.mark();
            // the line must never hang up on either caller: a BYE fails the SIPp call
            SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(2)).key('2')
                    .holdFor(Duration.ofSeconds(80)).hangUp().start();
            Contact first = line.newCall(mark);
            SippRun later = SippCaller.to(asterisk).pause(Duration.ofSeconds(2)).key('2')
                    .holdFor(Duration.ofSeconds(60)).hangUp().start();
            Contact second = line.await(mark, c -> c.reason() == ChangeReason.NEW && !c.contact().id().equals(first.id()),
                    "the later call").contact();

            line.presence(ana, "available");
            line.await(mark, first.id(), ContactState.CONNECTED);
            Contact back = line.await(mark, c -> c.contact().id().equals(first.id()) && c.reason() == ChangeReason.PHONE_LOST,
                    "the first caller back in the queue after ana's phone dropped out").contact();
            assertThat(back.state()).isEqualTo(ContactState.QUEUED);
            assertThat(line.events(first.id())).as("not ended: no wrap-up").noneMatch(c -> c.contact().state() == ContactState.WRAP_UP);
            // holding again, with the music, and told they are next although another caller waited meanwhile
            asterisk.awaitCli("core show channel " + first.channelRef(),
                    out -> out.contains("helpline-hold") && out.contains("HELPLINE_POSITION=1"), "the caller back on hold, next in line");
            assertThat(line.events(second.id()).getLast().contact().state()).isEqualTo(ContactState.QUEUED);

            JsonObject told = ana.next(m -> "contact".equals(m.getString("type")) && "phone_lost".equals(m.getString("reason")),
                    "ana's console told that her phone lost the call");
            assertThat(told.getJsonObject("contact").getString("state")).isEqualTo("queued");
            JsonObject paused = ana.next(m -> "operator".equals(m.getString("type")) && "phone_lost".equals(m.getString("reason")),
                    "ana paused for calls");
            // ana's account takes calls only here: available, for nothing until her phone works again
            assertThat(paused.getJsonObject("operator").getString("presence")).isEqualTo("available");
            assertThat(paused.getJsonObject("operator").getJsonArray("channels")).doesNotContain("call");

            int offered = line.mark();
            line.presence(bogdan, "available");
            Contact next = line.await(offered, c -> c.reason() == ChangeReason.OFFERED, "the next offer").contact();
            assertThat(next.id()).as("the caller who was cut off comes first").isEqualTo(first.id());
            assertThat(next.operatorId()).isEqualTo("bogdan");

            caller.awaitSuccess(CALL);
            later.awaitSuccess(CALL);
            line.await(mark, first.id(), ContactState.ABANDONED);
            line.presence(ana, "offline");
            line.presence(bogdan, "offline");
        }
    }

    @Test
    void anOperatorWhoHangsUpStillEndsTheCallAndStartsWrapUp(RealAsterisk asterisk, RealLine line) {
        try (OperatorPhone phone = OperatorPhone.register(asterisk, "2002", "127.0.0.3", Answer.HANGS_UP);
             SocketProbe bogdan = line.available("bogdan")) {
            int mark = line.mark();
            SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(2)).key('2')
                    .expectLineHangsUpWithin(Duration.ofSeconds(60)).start();
            Contact call = line.newCall(mark);
            caller.awaitSuccess(CALL); // the line hung up on the caller
            assertThat(line.await(mark, call.id(), ContactState.WRAP_UP).reason()).isEqualTo(ChangeReason.LEFT);
            assertThat(line.events(call.id())).noneMatch(c -> c.reason() == ChangeReason.PHONE_LOST);
            line.presence(bogdan, "offline");
        }
    }
}
