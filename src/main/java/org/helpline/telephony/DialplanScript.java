package org.helpline.telephony;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An AGI script of the helpline's dialplan. A caller hanging up mid-script is ordinary (the AMI
 * Hangup tells the router), not an error for Asterisk-Java to log with a stack trace.
 */
abstract class DialplanScript implements AgiScript {
    private static final Logger LOG = LoggerFactory.getLogger(DialplanScript.class);

    @Override
    public final void service(AgiRequest request, AgiChannel channel) throws AgiException {
        try {
            answer(request, channel);
        } catch (AgiHangupException hungUp) {
            LOG.debug("telephony.agi.hung_up script={}", request.getScript());
        }
    }

    abstract void answer(AgiRequest request, AgiChannel channel) throws AgiException;
}
