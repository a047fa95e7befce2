package org.helpline.telephony;

import java.time.Duration;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.helpline.core.QueuePlace;
import org.helpline.core.RejectedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(.../position)} from hold: where the caller stands and how long they may wait, or gone
 * when the router no longer knows them (the dialplan then uses the fallback queue).
 */
final class PositionScript extends DialplanScript {
    private static final Logger LOG = LoggerFactory.getLogger(PositionScript.class);

    private final ScriptCommands commands;
    private final OperatorRoster roster;
    private final Duration averageCall;

    PositionScript(ScriptCommands commands, OperatorRoster roster, Duration averageCall, AgiAnswers answers) {
        super("position", answers);
        this.commands = commands;
        this.roster = roster;
        this.averageCall = averageCall;
    }

    @Override
    void answer(AgiRequest request, AgiChannel channel) throws AgiException {
        // asked by channel, not through a variable the inbound script left: one round trip less per call, and
        // right after a restart the dispatch (not this room, which is still catching up) knows who holds
        QueuePlace place;
        try {
            place = commands.ask(sender -> sender.locateCall(request.getChannel()));
        } catch (RejectedCommand unknown) {
            place = null;
        } catch (DispatchUnavailable e) {
            // no answer: the dialplan counts it as a failed announcement and the caller keeps holding
            LOG.warn("telephony.position.unavailable reason=\"{}\"", e.getMessage());
            counted(AgiAnswers.NONE);
            return;
        }
        if (place == null || place.position() == 0) {
            LOG.info("telephony.position.gone contact={}", place == null ? "unknown" : place.contact().id());
            tell(channel, DialplanVariables.GONE);
            return;
        }
        long minutes = WaitEstimate.minutes(place.position(), roster.takingCalls(place.contact().language()), averageCall);
        DialplanVariables.set(channel, DialplanVariables.POSITION, Integer.toString(place.position()));
        DialplanVariables.set(channel, DialplanVariables.WAIT_MINUTES, Long.toString(minutes));
        tell(channel, DialplanVariables.HOLD);
    }
}
