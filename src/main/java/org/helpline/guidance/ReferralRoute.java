package org.helpline.guidance;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Which referral a script suggests. {@code adult}: to ANITP with the person's informed consent;
 * {@code child}: to the child-protection system (the county's DGASPC); {@code notification}: a third
 * party's report of a possible case, passed on to ANITP (the person themselves has not consented yet).
 */
public enum ReferralRoute {
    ADULT, CHILD, NOTIFICATION;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    static ReferralRoute read(String text) {
        for (ReferralRoute route : values()) {
            if (route.json().equals(text)) {
                return route;
            }
        }
        throw new IllegalArgumentException("route '" + text + "' is not one of adult, child, notification");
    }
}
