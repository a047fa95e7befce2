package org.helpline.web.auth;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What an account may do. Written in JSON and on the command line in lower case. */
public enum Role {
    OPERATOR, SUPERVISOR;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Role parse(String text) {
        for (Role role : values()) {
            if (role.json().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("role '" + text + "' is not operator or supervisor");
    }
}
