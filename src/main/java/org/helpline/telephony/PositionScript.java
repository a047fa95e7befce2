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
    private final Callers callers;
    private final OperatorRoster roster;
    private final Duration averageCall;

    PositionScript(ScriptCommands commands, Callers callers, OperatorRoster roster, Duration averageCall) {
        this.commands = commands;
        this.callers = callers;
        this.roster = roster;
        this.averageCall = averageCall;
    }

    @Override
    void answer(AgiRequest request, AgiChannel channel) throws AgiException {
        String contactId = DialplanVariables.contact(channel);
        if (contactId == null) {
            // a redirect can beat the inbound script's SET VARIABLE: the channel still tells
            contactId = callers.contactOf(request.getChannel());
        }
        if (contactId == null) {
            DialplanVariables.set(channel, DialplanVariables.ACTION, DialplanVariables.GONE);
            return;
        }
        QueuePlace place;
        try {
            place = commands.await(commands.sender().locate(contactId));
        } catch (RejectedCommand unknown) {
            place = null;
        } catch (DispatchUnavailable e) {
            // say nothing this time (empty values are not announced); the caller keeps holding
            LOG.warn("telephony.position.unavailable contact={} reason=\"{}\"", contactId, e.getMessage());
            DialplanVariables.set(channel, DialplanVariables.POSITION, "");
            DialplanVariables.set(channel, DialplanVariables.WAIT_MINUTES, "");
            return;
        }
        if (place == null || place.position() == 0) {
            LOG.info("telephony.position.gone contact={}", contactId);
            DialplanVariables.set(channel, DialplanVariables.ACTION, DialplanVariables.GONE);
            return;
        }
        long minutes = WaitEstimate.minutes(place.position(), roster.takingCalls(place.contact().language()), averageCall);
        DialplanVariables.set(channel, DialplanVariables.POSITION, Integer.toString(place.position()));
        DialplanVariables.set(channel, DialplanVariables.WAIT_MINUTES, Long.toString(minutes));
        DialplanVariables.set(channel, DialplanVariables.ACTION, DialplanVariables.HOLD);
    }
}
