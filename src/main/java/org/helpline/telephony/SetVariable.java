package org.helpline.telephony;

import org.asteriskjava.fastagi.command.AbstractAgiCommand;

/**
 * {@code SET VARIABLE "name" "value"}, quoted as Asterisk-Java's own command quotes it, without its three
 * regular expressions and a {@code String.format} per argument: every call runs it on the way to hold.
 */
final class SetVariable extends AbstractAgiCommand {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final String value;

    SetVariable(String name, String value) {
        this.name = name;
        this.value = value;
    }

    @Override
    public String buildCommand() {
        return "SET VARIABLE " + quoted(name) + " " + quoted(value);
    }

    /** Backslashes and quotes escaped, line breaks dropped: a value can never end the command line early. */
    static String quoted(String text) {
        if (text == null) {
            return "\"\"";
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "") + "\"";
    }
}
