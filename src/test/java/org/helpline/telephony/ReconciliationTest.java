package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.helpline.core.ContactState;
import org.helpline.telephony.Reconciliation.Finding;
import org.helpline.telephony.Reconciliation.Fix;
import org.junit.jupiter.api.Test;

class ReconciliationTest {
    private static CallLine line(String contact, String channel, ContactState state) {
        return new CallLine(contact, channel, state, state == ContactState.QUEUED ? null : "op-1", false, false, false);
    }

    private static LiveChannel holding(String channel) {
        return new LiveChannel(channel, "helpline-hold", false);
    }

    @Test
    void callersWhoseChannelVanishedHaveLeft() {
        CallLine queued = line("c1", "PJSIP/carrier-00000001", ContactState.QUEUED);
        CallLine talking = line("c2", "PJSIP/carrier-00000002", ContactState.CONNECTED);

        assertThat(Reconciliation.fixes(List.of(queued, talking), List.of()))
                .containsExactlyInAnyOrder(new Fix(queued, Finding.VANISHED), new Fix(talking, Finding.VANISHED));
    }

    @Test
    void callersStillThereStayWhereTheyAre() {
        CallLine queued = line("c1", "PJSIP/carrier-00000001", ContactState.QUEUED);
        CallLine offered = line("c2", "PJSIP/carrier-00000002", ContactState.OFFERED);

        assertThat(Reconciliation.fixes(List.of(queued, offered),
                List.of(holding("PJSIP/carrier-00000001"), holding("PJSIP/carrier-00000002")))).isEmpty();
    }

    @Test
    void anOfferedCallerInABridgeWasAnswered() {
        CallLine offered = line("c1", "PJSIP/carrier-00000001", ContactState.OFFERED);

        assertThat(Reconciliation.fixes(List.of(offered),
                List.of(new LiveChannel("PJSIP/carrier-00000001", "helpline-connect", true))))
                .containsExactly(new Fix(offered, Finding.ANSWERED));
    }

    @Test
    void callsInWrapUpAreNoLongerTheCallersBusiness() {
        CallLine wrapUp = line("c1", "PJSIP/carrier-00000001", ContactState.WRAP_UP);

        assertThat(Reconciliation.fixes(List.of(wrapUp), List.of())).isEmpty();
    }
}
