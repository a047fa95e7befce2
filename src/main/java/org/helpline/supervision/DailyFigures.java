package org.helpline.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;

/**
 * Today's figures, per channel and per language, and those of the last half hour ({@link RecentFigures}), counted
 * from the router's events. "Today" is the helpline's day in its own time zone
 * (the opening hours' zone): the figures start again at local midnight. A contact counts on the day each
 * step happens: offered when it arrives, answered when an operator first takes it, abandoned when its
 * caller leaves before anyone took it, handled when its wrap-up ends. The figures live in memory: a
 * restart starts them again (contacts restored from the store are followed, not counted as offered).
 * Single-threaded: one context feeds and reads it.
 */
final class DailyFigures {
    private final Clock clock;
    private final ZoneId zone;
    private final Duration threshold;
    /** When each contact still in play was first answered (empty until then). */
    private final Map<String, Optional<Instant>> inPlay = new HashMap<>();
    private final Breakdown today = new Breakdown();
    private final RecentFigures recent;
    private LocalDate day;

    DailyFigures(Clock clock, ZoneId zone, Duration threshold) {
        this.clock = clock;
        this.zone = zone;
        this.threshold = threshold;
        this.recent = new RecentFigures(clock);
        this.day = localDate();
    }

    /** Counts one change; says what it added, if anything. */
    Optional<Counted> contactChanged(ContactChanged change) {
        rollOver();
        Contact contact = change.contact();
        Channel channel = contact.channel();
        String language = contact.language();
        if (change.reason() == ChangeReason.NEW) {
            inPlay.put(contact.id(), Optional.empty());
            return Optional.of(add(new Counted.Offered(channel, language)));
        }
        if (change.reason() == ChangeReason.RESTORED) {
            boolean talking = contact.state() == ContactState.CONNECTED;
            inPlay.put(contact.id(), talking ? Optional.of(contact.stateSince()) : Optional.empty());
            return Optional.empty();
        }
        Optional<Instant> answeredAt = inPlay.getOrDefault(contact.id(), Optional.empty());
        return switch (contact.state()) {
            case CONNECTED -> {
                if (answeredAt.isPresent()) {
                    yield Optional.empty();
                }
                inPlay.put(contact.id(), Optional.of(contact.stateSince()));
                Duration wait = Duration.between(contact.queuedAt(), contact.stateSince());
                yield Optional.of(add(new Counted.Answered(channel, language, wait, wait.compareTo(threshold) <= 0)));
            }
            case ABANDONED -> {
                inPlay.remove(contact.id());
                yield answeredAt.isPresent() ? Optional.empty()
                        : Optional.of(add(new Counted.Abandoned(channel, language, Duration.between(contact.queuedAt(), contact.stateSince()))));
            }
            case CLOSED -> {
                inPlay.remove(contact.id());
                yield answeredAt.map(at -> add(new Counted.Handled(channel, language, Duration.between(at, contact.stateSince()))));
            }
            case QUEUED, OFFERED, WRAP_UP -> Optional.empty();
        };
    }

    /** Starts a new day at local midnight, lets the last half hour's oldest minute go; true if the figures changed. */
    boolean rollOver() {
        boolean aged = recent.age();
        LocalDate now = localDate();
        if (now.equals(day)) {
            return aged;
        }
        day = now;
        today.clear();
        return true;
    }

    LocalDate day() {
        return day;
    }

    Tally of(Channel channel) {
        return today.of(channel);
    }

    Tally all() {
        return today.all();
    }

    /** Today's figures per channel and language. */
    Breakdown today() {
        return today;
    }

    /** The last 30 minutes' figures per channel and language, summed now. */
    Breakdown lastHalfHour() {
        return recent.sum();
    }

    Duration threshold() {
        return threshold;
    }

    private Counted add(Counted counted) {
        today.add(counted);
        recent.add(counted);
        return counted;
    }

    private LocalDate localDate() {
        return clock.instant().atZone(zone).toLocalDate();
    }
}
