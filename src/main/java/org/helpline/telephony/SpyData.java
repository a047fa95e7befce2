package org.helpline.telephony;

import java.util.Optional;

import org.helpline.core.ListenIn;

/**
 * The arguments of ChanSpy for one way of listening in (Asterisk 22 app_chanspy: {@code q} no beep or
 * channel name, {@code E} hang up the supervisor's phone when the spied-on channel ends, {@code w} whisper
 * to the spied-on channel, {@code B} barge in on both channels of the bridge).
 *
 * <p>Whisper speaks only to the channel spied on, so it spies on the operator's phone (any channel whose name
 * begins {@code PJSIP/<endpoint>-}: an operator holds one call at a time), never on the caller's: a person
 * in danger must not hear a stranger's voice they were not told about. Listening and barging spy on the
 * caller's own channel, named in full.
 */
final class SpyData {
    private SpyData() {
    }

    /** Empty when whispering is asked but the operator has no phone endpoint to spy on. */
    static Optional<String> of(ListenIn.Mode mode, String callerChannel, Optional<String> operatorEndpoint) {
        return switch (mode) {
            case LISTEN -> Optional.of(callerChannel + ",qE");
            case BARGE -> Optional.of(callerChannel + ",qBE");
            case WHISPER -> operatorEndpoint.map(endpoint -> "PJSIP/" + endpoint + "-,qwE");
        };
    }
}
