package org.helpline.web.auth;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What an account may do. Written in JSON and on the command line in lower case. A wallboard account is for a
 * screen on the helpline's wall: it sees the supervisor view's live figures and can do nothing else, so a screen
 * left logged in in a room cannot be used to listen to a call or read a chat.
 */
public enum Role {
    OPERATOR, SUPERVISOR, WALLBOARD;

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
        throw new IllegalArgumentException("role '" + text + "' is not operator, supervisor or wallboard");
    }
}
