package org.helpline.core;

import java.time.Instant;
import java.util.Objects;

/**
 * An operator as the router sees them.
 *
 * @param presence   what the operator chose (or the router, after missed offers)
 * @param state      presence combined with current work, as supervisors see it
 * @param pauseReason why they are paused; null unless PAUSED
 * @param stateSince when {@code state} last changed
 * @param idleSince  when they last became free of all contacts; the longest idle gets the next offer
 * @param missedInRow offers declined or missed since the last accepted one
 * @param load       contacts offered to, connected with or in wrap-up with this operator
 */
public record Operator(OperatorProfile profile, Presence presence, OperatorState state, String pauseReason,
                       Instant stateSince, Instant idleSince, int missedInRow, int load) {
    public Operator {
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(state, "state");
    }

    public String id() {
        return profile.id();
    }

    Operator with(Presence newPresence, String reason) {
        return new Operator(profile, newPresence, state, newPresence == Presence.PAUSED ? reason : null,
                stateSince, idleSince, missedInRow, load);
    }

    Operator withProfile(OperatorProfile newProfile) {
        return new Operator(newProfile, presence, state, pauseReason, stateSince, idleSince, missedInRow, load);
    }

    Operator withMissed(int missed) {
        return new Operator(profile, presence, state, pauseReason, stateSince, idleSince, missed, load);
    }

    Operator withWork(OperatorState newState, int newLoad, Instant now) {
        Instant since = newState == state ? stateSince : now;
        Instant idle = newLoad == 0 && (load > 0 || newState != state) ? now : idleSince;
        return new Operator(profile, presence, newState, pauseReason, since, idle, missedInRow, newLoad);
    }
}
