package org.helpline.telephony;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.helpline.core.QueuePlace;
import org.helpline.core.RejectedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(.../phone-lost)} from {@code helpline-connect}: the operator's phone dropped out of the call
 * (its network or audio died; docs/telephony.md, "Connect"). The caller goes back to their place in the
 * queue and the dialplan to hold; when the router no longer knows them, gone (the dialplan then uses the
 * fallback queue); with no answer at all the dialplan uses the fallback queue too.
 */
final class PhoneLostScript extends DialplanScript {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneLostScript.class);

    private final ScriptCommands commands;
    private final Callers callers;

    PhoneLostScript(ScriptCommands commands, Callers callers, AgiAnswers answers) {
        super("phone-lost", answers);
        this.commands = commands;
        this.callers = callers;
    }

    /** The caller may be offered again at once: no Redirect breaks into this script before it has answered. */
    @Override
    void answer(AgiRequest request, AgiChannel channel) throws AgiException {
        callers.inboundStarted(request.getChannel());
        try {
            requeue(request, channel);
        } finally {
            callers.inboundEnded(request.getChannel());
        }
    }

    private void requeue(AgiRequest request, AgiChannel channel) throws AgiException {
        QueuePlace place;
        try {
            place = commands.ask(sender -> sender.phoneLost(request.getChannel()));
        } catch (RejectedCommand refused) {
            LOG.info("telephony.phone_lost.gone reason=\"{}\"", refused.getMessage());
            tell(channel, DialplanVariables.GONE);
            return;
        } catch (DispatchUnavailable e) {
            LOG.warn("telephony.phone_lost.unavailable reason=\"{}\"", e.getMessage());
            counted(AgiAnswers.NONE);
            return;
        }
        LOG.info("telephony.phone_lost contact={} position={}", place.contact().id(), place.position());
        tell(channel, DialplanVariables.HOLD);
    }
}
