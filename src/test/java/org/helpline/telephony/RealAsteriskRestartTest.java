package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.helpline.core.ChangeReason;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.QueuePlace;
import org.helpline.testing.Eventually;
import org.helpline.testing.OperatorPhone;
import org.helpline.testing.OperatorPhone.Answer;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.RedisServer;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.SocketProbe;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The server restarted over Redis while callers hold on a real Asterisk 22: the restarted server finds the
 * queue in Redis and asks Asterisk which calls are still there. Callers still holding keep their place; a
 * caller who hung up while the server was down is taken out, never offered.
 */
class RealAsteriskRestartTest {
    private static final Duration CALL = Duration.ofSeconds(150);

    @RegisterExtension
    @Order(1)
    static final RedisServer REDIS = RedisServer.create();
    @RegisterExtension
    @Order(2) // Redis first: the server's store is there
    static final RealTelephony TELEPHONY = RealTelephony.on(RealAsterisk.with()).withLine(REDIS::storeYaml);

    @Test
    void restart_holdingCallersAreOfferedInTheirOrder_oneWhoLeftMeanwhileIsNot(RealAsterisk asterisk, RealLine line) {
        int mark = line.mark();
        SippRun first;
        SippRun leaves;
        SippRun second;
        Contact one;
        Contact gone;
        Contact two;
        try (SocketProbe ana = line.paused("ana")) {
            first = holding(asterisk, Duration.ofSeconds(120));
            one = line.newCall(mark);
            leaves = holding(asterisk, Duration.ofSeconds(25));
            gone = line.newCalls(mark, 2).get(1);
            second = holding(asterisk, Duration.ofSeconds(120));
            two = line.newCalls(mark, 3).get(2);
        }
        line.stop();
        leaves.awaitSuccess(CALL); // hung up while no server was there to hear it

        line.start(); // the same ports and the same Redis; start waits for the AMI and AGI links
        int restarted = line.mark();
        // the restarted server may reconcile before the test hears its events: ask where each caller stands
        Eventually.until(() -> place(line, gone) == 0, "the caller who left taken out of the queue", RealAsterisk.CALLS);
        assertThat(place(line, one)).as("the first caller's place").isEqualTo(1);
        assertThat(place(line, two)).as("the second caller's place").isEqualTo(2);
        try (OperatorPhone phone1 = OperatorPhone.register(asterisk, "2001", "127.0.0.2", Answer.PICKS_UP);
             OperatorPhone phone2 = OperatorPhone.register(asterisk, "2002", "127.0.0.3", Answer.PICKS_UP);
             SocketProbe ana = line.available("ana")) {
            Contact offered = line.await(restarted, c -> c.reason() == ChangeReason.OFFERED, "the first offer").contact();
            assertThat(offered.id()).as("the first caller, still first").isEqualTo(one.id());
            line.await(restarted, one.id(), ContactState.CONNECTED);
            try (SocketProbe bogdan = line.available("bogdan")) {
                line.await(restarted, two.id(), ContactState.CONNECTED);
                assertThat(line.eventsSince(restarted)).as("nobody new: the same two callers")
                        .noneMatch(c -> c.reason() == ChangeReason.NEW)
                        .filteredOn(c -> c.contact().id().equals(gone.id()))
                        .noneMatch(c -> c.contact().state() == ContactState.OFFERED);
                first.awaitSuccess(CALL);
                second.awaitSuccess(CALL); // neither caller's line was ever dropped
                line.presence(ana, "offline");
                line.presence(bogdan, "offline");
            }
        }
    }

    /** 1 for next, 0 once no longer waiting (a contact that ended may be forgotten by then). */
    private static int place(RealLine line, Contact contact) {
        return line.server().commands().locate(contact.id()).map(QueuePlace::position).otherwise(0).await();
    }

    /** A caller who picks English, skips the advice and holds, then hangs up. */
    private static SippRun holding(RealAsterisk asterisk, Duration hold) {
        return SippCaller.to(asterisk).pause(Duration.ofSeconds(1)).key('2').holdFor(hold).hangUp().start();
    }
}
