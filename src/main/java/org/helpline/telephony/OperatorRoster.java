package org.helpline.telephony;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.helpline.core.Channel;
import org.helpline.core.Operator;
import org.helpline.core.OperatorProfile;
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
    /** Operator id to the endpoint of the browser phone issued to their open console (BrowserPhones). */
    private volatile Map<String, String> browserPhones = Map.of();

    void update(Operator operator) {
        Map<String, Operator> operators = new HashMap<>(now.operators());
        operators.put(operator.id(), operator);
        recount(operators);
    }

    /** The operator's browser phone now has this endpoint, or none ({@code null}). */
    void browserPhone(String operatorId, String endpoint) {
        Map<String, String> phones = new HashMap<>(browserPhones);
        if (endpoint == null) {
            phones.remove(operatorId);
        } else {
            phones.put(operatorId, endpoint);
        }
        browserPhones = Map.copyOf(phones);
        recount(now.operators());
    }

    private void recount(Map<String, Operator> operators) {
        Map<String, Integer> callTakers = new HashMap<>();
        for (Operator o : operators.values()) {
            if (o.presence() != Presence.OFFLINE && o.profile().channels().contains(Channel.CALL)
                    && dialable(phoneOf(o))) {
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
     * drop the caller. An account with the browser phone ({@code --endpoint browser}) has the endpoint
     * issued to their open console, if any.
     */
    Optional<String> endpointOf(String operatorId) {
        return Optional.ofNullable(operatorId).map(now.operators()::get)
                .map(this::phoneOf)
                .filter(OperatorRoster::dialable);
    }

    private String phoneOf(Operator operator) {
        String endpoint = operator.profile().endpoint();
        return OperatorProfile.BROWSER_PHONE.equals(endpoint) ? browserPhones.get(operator.id()) : endpoint;
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
