package org.helpline.telephony;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.helpline.core.Channel;
import org.helpline.core.Operator;
import org.helpline.core.Presence;

/**
 * The operators as the OperatorChanged events describe them. Written on the room's context, read by
 * AGI scripts on their own threads: each change makes a new snapshot, so a reader never sees an
 * operator without the counts that include them.
 */
final class OperatorRoster {
    private static final Pattern DIALABLE = Pattern.compile("[0-9]{1,20}");

    /** @param callTakers by language, recounted at each change and read by every inbound call */
    private record Snapshot(Map<String, Operator> operators, Map<String, Integer> callTakers) {}

    private volatile Snapshot now = new Snapshot(Map.of(), Map.of());

    void update(Operator operator) {
        Map<String, Operator> operators = new HashMap<>(now.operators());
        operators.put(operator.id(), operator);
        Map<String, Integer> callTakers = new HashMap<>();
        for (Operator o : operators.values()) {
            if (o.presence() != Presence.OFFLINE && o.profile().channels().contains(Channel.CALL)
                    && dialable(o.profile().endpoint())) {
                o.profile().languages().forEach(language -> callTakers.merge(language, 1, Integer::sum));
            }
        }
        now = new Snapshot(Map.copyOf(operators), Map.copyOf(callTakers));
    }

    Optional<Operator> operator(String operatorId) {
        return Optional.ofNullable(now.operators().get(operatorId));
    }

    /**
     * The PJSIP endpoint of the operator's phone, if their account has one the dialplan can dial:
     * helpline-connect only matches digits, and a Redirect to an extension that does not exist would
     * drop the caller.
     */
    Optional<String> endpointOf(String operatorId) {
        return Optional.ofNullable(operatorId).map(now.operators()::get)
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
        return now.callTakers().getOrDefault(language, 0);
    }
}
