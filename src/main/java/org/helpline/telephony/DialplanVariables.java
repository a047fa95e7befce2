package org.helpline.telephony;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.command.ExecCommand;
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

    /** A variable and the value a script gives it: digits or one of the words above, nothing MSet would split. */
    record Value(String name, String value) {
    }

    /** Sets a variable; anything but {@code 200 result=1} is a failure (Asterisk-Java does not check). */
    static void set(AgiChannel channel, String name, String value) throws AgiException {
        AgiReply reply = channel.sendCommand(new SetVariable(name, value));
        if (reply.getStatus() != AgiReply.SC_SUCCESS || reply.getResultCode() != 1) {
            throw new AgiException("SET VARIABLE " + name + " answered " + reply.getFirstLine());
        }
    }

    /**
     * Sets several variables in one round trip ({@code EXEC MSet}) instead of one {@code SET VARIABLE} each: every
     * round trip waits for Asterisk's channel thread and then for this script's thread, milliseconds apiece on a
     * busy machine. MSet answers {@code 200 result=0} (an unknown application would answer -2).
     */
    static void set(AgiChannel channel, Value... values) throws AgiException {
        String[] assignments = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            assignments[i] = values[i].name() + "=" + values[i].value();
        }
        AgiReply reply = channel.sendCommand(new ExecCommand("MSet", assignments));
        if (reply.getStatus() != AgiReply.SC_SUCCESS || reply.getResultCode() != 0) {
            throw new AgiException("MSet " + String.join(",", assignments) + " answered " + reply.getFirstLine());
        }
    }
}
