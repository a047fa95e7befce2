package org.helpline.telephony;

import java.time.Duration;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.helpline.core.QueuePlace;
import org.helpline.core.RejectedCommand;
import org.helpline.telephony.DialplanVariables.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(.../position)} from hold: where the caller stands and how long they may wait, or gone
 * when the router no longer knows them (the dialplan then uses the fallback queue). A waiting caller's place
 * comes from the room's {@link QueueView}, with no trip to the dispatch.
 */
final class PositionScript extends DialplanScript {
    private static final Logger LOG = LoggerFactory.getLogger(PositionScript.class);

    private final ScriptCommands commands;
    private final QueueView queue;
    private final OperatorRoster roster;
    private final Duration averageCall;

    PositionScript(ScriptCommands commands, QueueView queue, OperatorRoster roster, Duration averageCall, AgiAnswers answers) {
        super("position", answers);
        this.commands = commands;
        this.queue = queue;
        this.roster = roster;
        this.averageCall = averageCall;
    }

    @Override
    void answer(AgiRequest request, AgiChannel channel) throws AgiException {
        QueuePlace place;
        try {
            place = queue.placeOfCall(request.getChannel()).orElseGet(() -> askDispatch(request.getChannel()));
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
        tell(channel, DialplanVariables.HOLD, new Value(DialplanVariables.POSITION, Integer.toString(place.position())),
                new Value(DialplanVariables.WAIT_MINUTES, Long.toString(minutes)));
    }

    /**
     * A call this room does not see waiting: right after a restart the room may still be catching up with the
     * dispatch, which alone may say the caller is gone (null). Asked by channel: the dispatch knows no other name.
     */
    private QueuePlace askDispatch(String channel) {
        try {
            return commands.ask(sender -> sender.locateCall(channel));
        } catch (RejectedCommand unknown) {
            return null;
        }
    }
}
