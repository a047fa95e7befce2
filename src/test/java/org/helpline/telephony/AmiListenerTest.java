package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.NewChannelEvent;
import org.junit.jupiter.api.Test;

class AmiListenerTest {
    @Test
    void copiesChannelNamesAndDialOutcomesOnly() {
        HangupEvent hangup = new HangupEvent(this);
        hangup.setChannel("PJSIP/sipp-00000000");
        hangup.setCallerIdNum("0722000111");
        DialEndEvent dialEnd = new DialEndEvent(this);
        dialEnd.setChannel("PJSIP/sipp-00000000");
        dialEnd.setDestChannel("PJSIP/2001-00000005");
        dialEnd.setDialStatus("NOANSWER");
        dialEnd.setCallerIdNum("0722000111");
        BridgeEnterEvent bridge = new BridgeEnterEvent(this);
        bridge.setChannel("PJSIP/sipp-00000000");

        assertThat(AmiListener.translate(hangup)).isEqualTo(new AmiEvent.Hangup("PJSIP/sipp-00000000"));
        assertThat(AmiListener.translate(dialEnd))
                .isEqualTo(new AmiEvent.DialEnded("PJSIP/sipp-00000000", "PJSIP/2001-00000005", "NOANSWER"));
        assertThat(AmiListener.translate(bridge)).isEqualTo(new AmiEvent.BridgeEntered("PJSIP/sipp-00000000"));
    }

    @Test
    void theRoomsMessagesHaveNoPlaceForACallerId() {
        for (Class<?> message : AmiEvent.class.getPermittedSubclasses()) {
            assertThat(Arrays.stream(message.getRecordComponents()).map(c -> c.getName().toLowerCase()))
                    .as(message.getSimpleName()).noneMatch(name -> name.contains("caller") || name.contains("connected"));
        }
    }

    @Test
    void ignoresWhatTheRoomDoesNotFollow() {
        NewChannelEvent newChannel = new NewChannelEvent(this);
        newChannel.setChannel("PJSIP/sipp-00000000");

        assertThat(AmiListener.translate(newChannel)).isNull();
    }
}
