package org.helpline.telephony;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.helpline.core.Channel;
import org.helpline.core.Operator;
import org.helpline.core.Presence;

/**
 * The operators as the OperatorChanged events describe them. Written on the room's context, read by
 * AGI scripts on their own threads.
 */
final class OperatorRoster {
    private static final Pattern DIALABLE = Pattern.compile("[0-9]{1,20}");

    private final Map<String, Operator> operators = new ConcurrentHashMap<>();

    void update(Operator operator) {
        operators.put(operator.id(), operator);
    }

    Optional<Operator> operator(String operatorId) {
        return Optional.ofNullable(operators.get(operatorId));
    }

    /**
     * The PJSIP endpoint of the operator's phone, if their account has one the dialplan can dial:
     * helpline-connect only matches digits, and a Redirect to an extension that does not exist would
     * drop the caller.
     */
    Optional<String> endpointOf(String operatorId) {
        return Optional.ofNullable(operatorId).map(operators::get)
                .map(o -> o.profile().endpoint())
                .filter(OperatorRoster::dialable);
    }

    private static boolean dialable(String endpoint) {
        return endpoint != null && DIALABLE.matcher(endpoint).matches();
    }

    /**
     * Operators who could take this call: signed in (available or paused, busy or not), taking calls
     * in the caller's language, with a phone. None means "nobody logged in": the caller hears the
     * closed message rather than holding for no one.
     */
    int takingCalls(String language) {
        return (int) operators.values().stream()
                .filter(o -> o.presence() != Presence.OFFLINE)
                .filter(o -> o.profile().channels().contains(Channel.CALL))
                .filter(o -> o.profile().languages().contains(language))
                .filter(o -> dialable(o.profile().endpoint()))
                .count();
    }
}
