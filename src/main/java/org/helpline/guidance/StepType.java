package org.helpline.guidance;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a step of a script does. {@code ask}: a question whose answers lead on; {@code say}: advice to
 * give; {@code checklist}: indicators to tick; {@code branch}: goes on by what is ticked; {@code exits}:
 * suggests exit options; {@code referral}: suggests referral; {@code end}: the script is done.
 */
public enum StepType {
    ASK, SAY, CHECKLIST, BRANCH, EXITS, REFERRAL, END;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static StepType read(String text) {
        for (StepType type : values()) {
            if (type.json().equals(text)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type '" + text + "' is not one of ask, say, checklist, branch, exits, referral, end");
    }
}
