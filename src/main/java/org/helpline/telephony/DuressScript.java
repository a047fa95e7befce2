package org.helpline.telephony;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.helpline.core.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code AGI(.../duress)}: someone is near the caller. The contact leaves the queue at once and the
 * caller is never redirected to an operator; the dialplan plays the neutral recording and hangs up.
 */
final class DuressScript extends DialplanScript {
    private static final Logger LOG = LoggerFactory.getLogger(DuressScript.class);

    private final ScriptCommands commands;
    private final Callers callers;

    DuressScript(ScriptCommands commands, Callers callers, AgiAnswers answers) {
        super("duress", answers);
        this.commands = commands;
        this.callers = callers;
    }

    @Override
    void answer(AgiRequest request, AgiChannel channel) throws AgiException {
        // first, so that an offer racing with this script cannot ring an operator's phone
        callers.markDuress(request.getChannel());
        String contactId = callers.contactOf(request.getChannel());
        if (contactId != null) {
            commands.tell(new Command.Leave(contactId));
        }
        LOG.info("telephony.duress contact={}", contactId == null ? "none" : contactId);
        counted(AgiAnswers.ENDED);
    }
}
