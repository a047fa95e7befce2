package org.helpline.telephony;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Whether Asterisk has each issued operator phone registered: the contacts (registrations) it reports alive, per
 * endpoint, from its ContactStatus events and, after the AMI link was down and events were lost, from a fresh list
 * of every contact. Memory only, and only for phones issued now; contact URIs are never logged.
 */
final class PhoneRegistrations {
    private static final class Registration {
        private Set<String> alive = new HashSet<>();
        /** When the last ContactStatus on it was heard, in {@link #heard} counts. */
        private long lastHeard;
    }

    private final Map<String, Registration> byEndpoint = new HashMap<>();
    private long heard;

    /** A contact Asterisk reports in this state still carries calls: Unreachable ones do not answer OPTIONS. */
    static boolean alive(String status) {
        return !status.equals("Removed") && !status.equals("Unreachable");
    }

    /** A ContactStatus on the endpoint; the new state if it changed. */
    Optional<Boolean> heard(String endpoint, String contact, String status) {
        Registration registration = byEndpoint.computeIfAbsent(endpoint, e -> new Registration());
        registration.lastHeard = ++heard;
        Set<String> alive = new HashSet<>(registration.alive);
        if (alive(status)) {
            alive.add(contact);
        } else {
            alive.remove(contact);
        }
        return replace(registration, alive);
    }

    /** Marks the moment a list of contacts is asked for: events heard after it are newer than the list. */
    long asking() {
        return heard;
    }

    /**
     * What a list asked for at {@code asked} says of the endpoint (the contacts alive in it); the new state if it
     * changed. An endpoint heard of since the list was asked keeps what it heard: that is newer.
     */
    Optional<Boolean> listed(String endpoint, Set<String> alive, long asked) {
        Registration registration = byEndpoint.computeIfAbsent(endpoint, e -> new Registration());
        return registration.lastHeard > asked ? Optional.empty() : replace(registration, alive);
    }

    /** The phone was revoked: nothing of it is kept. */
    void forget(String endpoint) {
        byEndpoint.remove(endpoint);
    }

    private static Optional<Boolean> replace(Registration registration, Set<String> alive) {
        boolean before = !registration.alive.isEmpty();
        registration.alive = Set.copyOf(alive);
        return before == !alive.isEmpty() ? Optional.empty() : Optional.of(!alive.isEmpty());
    }
}
