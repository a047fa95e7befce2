package org.helpline.telephony;

import java.util.Arrays;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.telephony.DialplanVariables.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AGI script of the helpline's dialplan. A caller hanging up mid-script is ordinary (the AMI
 * Hangup tells the router), not an error for Asterisk-Java to log with a stack trace. What a script
 * tells the dialplan is counted ({@link AgiAnswers}).
 */
abstract class DialplanScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(DialplanScript.class);

    private final String name;
    private final AgiAnswers answers;

    DialplanScript(String name, AgiAnswers answers) {
        this.name = name;
        this.answers = answers;
    }

    @Override
    public final void service(AgiRequest request, AgiChannel channel) throws AgiException {
        try {
            answer(request, channel);
        } catch (AgiHangupException hungUp) {
            LOG.debug("telephony.agi.hung_up script={}", request.getScript());
        }
    }

    abstract void answer(AgiRequest request, AgiChannel channel) throws AgiException;

    /**
     * Sets HELPLINE_ACTION, the dialplan's next step, and any other variables in the same round trip; counted
     * once Asterisk has taken it.
     */
    final void tell(AgiChannel channel, String action, Value... also) throws AgiException {
        if (also.length == 0) {
            DialplanVariables.set(channel, DialplanVariables.ACTION, action);
        } else {
            Value[] values = Arrays.copyOf(also, also.length + 1);
            values[also.length] = new Value(DialplanVariables.ACTION, action);
            DialplanVariables.set(channel, values);
        }
        answers.record(name, action);
    }

    /** Counts an answer that sets no HELPLINE_ACTION. */
    final void counted(String answer) {
        answers.record(name, answer);
    }
}
