package org.helpline.telephony;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.reply.AgiReply;

/** The channel variables of the contract with the dialplan (docs/telephony.md) and how scripts set them. */
final class DialplanVariables {
    static final String ACTION = "HELPLINE_ACTION";
    static final String POSITION = "HELPLINE_POSITION";
    static final String WAIT_MINUTES = "HELPLINE_WAIT_MINUTES";

    static final String HOLD = "hold";
    static final String CLOSED = "closed";
    static final String FALLBACK = "fallback";
    static final String GONE = "gone";

    private DialplanVariables() {
    }

    /** Sets a variable; anything but {@code 200 result=1} is a failure (Asterisk-Java does not check). */
    static void set(AgiChannel channel, String name, String value) throws AgiException {
        AgiReply reply = channel.sendCommand(new SetVariable(name, value));
        if (reply.getStatus() != AgiReply.SC_SUCCESS || reply.getResultCode() != 1) {
            throw new AgiException("SET VARIABLE " + name + " answered " + reply.getFirstLine());
        }
    }

}
