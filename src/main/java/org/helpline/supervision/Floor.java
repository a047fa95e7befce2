package org.helpline.supervision;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.CoreJson;
import org.helpline.core.Channel;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.UrgentContactWaiting;
import org.helpline.core.OpeningHours;
import org.helpline.core.Operator;
import org.helpline.core.Presence;

/**
 * What supervisors see, kept from the router's events: every contact not yet finished, every operator heard
 * of since the start, today's figures and the alerts. It remembers what changed since the last update, so an
 * update carries only that. Single-threaded: the supervisor room's context feeds and reads it.
 */
final class Floor {
    private final Clock clock;
    private final OpeningHours hours;
    private final Duration longestWaitAlert;
    private final DailyFigures figures;
    private final ServiceAlerts services = new ServiceAlerts();
    private final Map<String, Contact> contacts = new HashMap<>();
    private final Map<String, Operator> operators = new TreeMap<>();
    private final Map<String, String> holderOf = new HashMap<>();
    private final Map<String, Set<String>> heldBy = new HashMap<>();
    private final Set<String> urgentWaiting = new LinkedHashSet<>();
    private final Set<String> changedContacts = new LinkedHashSet<>();
    private final Set<String> removedContacts = new LinkedHashSet<>();
    private final Set<String> changedOperators = new HashSet<>();
    private boolean figuresChanged;
    private JsonArray sentAlerts = new JsonArray();
    /** A snapshot showed alerts the updates have not: the next update sends the alerts whatever they are then. */
    private boolean snapshotAhead;

    Floor(Clock clock, OpeningHours hours, Duration longestWaitAlert, DailyFigures figures) {
        this.clock = clock;
        this.hours = hours;
        this.longestWaitAlert = longestWaitAlert;
        this.figures = figures;
    }

    /** Follows one contact change; says what it added to today's figures. */
    Optional<Counted> contactChanged(ContactChanged change) {
        Contact contact = change.contact();
        String id = contact.id();
        if (contact.state().isFinal()) {
            contacts.remove(id);
            changedContacts.remove(id);
            removedContacts.add(id);
            urgentWaiting.remove(id);
        } else {
            contacts.put(id, contact);
            changedContacts.add(id);
            if (!contact.state().isWaiting()) {
                urgentWaiting.remove(id);
            }
        }
        hold(id, contact.state().isFinal() || contact.state() == ContactState.QUEUED ? null : contact.operatorId());
        Optional<Counted> counted = figures.contactChanged(change);
        figuresChanged |= counted.isPresent();
        return counted;
    }

    void operatorChanged(Operator operator) {
        operators.put(operator.id(), operator);
        changedOperators.add(operator.id());
    }

    void urgentWaiting(UrgentContactWaiting alert) {
        if (contacts.containsKey(alert.contact().id()) && contacts.get(alert.contact().id()).state().isWaiting()) {
            urgentWaiting.add(alert.contact().id());
        }
    }

    /** A referral delivery changed (Addresses.REFERRAL_DELIVERIES). */
    void referralDelivery(JsonObject delivery) {
        services.delivery(delivery);
    }

    /** The phone line's links and fallback calls (Addresses.PHONE_LINE). */
    void phoneLine(JsonObject status) {
        services.phoneLine(status);
    }

    Optional<Contact> contact(String id) {
        return Optional.ofNullable(id).map(contacts::get);
    }

    Optional<Operator> operator(String id) {
        return Optional.ofNullable(id).map(operators::get);
    }

    Tallies tallies() {
        return new Tallies(figures.all(), figures.of(Channel.CALL), figures.of(Channel.CHAT));
    }

    /** Today's figures per channel and together, for the metrics. */
    record Tallies(Tally all, Tally calls, Tally chats) {}

    /** Time moves: a new day, a wait over the threshold, the line opening with nobody signed in. */
    boolean tick() {
        figuresChanged |= figures.rollOver();
        services.tick(clock.instant());
        return hasChanges();
    }

    boolean hasChanges() {
        return figuresChanged || !changedContacts.isEmpty() || !removedContacts.isEmpty() || !changedOperators.isEmpty()
                || !alerts(clock.instant()).equals(sentAlerts);
    }

    /** The alerts as the last update left them. */
    JsonArray sentAlerts() {
        return sentAlerts;
    }

    /** Everything, for a supervisor who just connected; the next update goes on from here. */
    JsonObject snapshot() {
        Instant now = clock.instant();
        figuresChanged |= figures.rollOver();
        JsonArray alerts = alerts(now);
        snapshotAhead |= !alerts.equals(sentAlerts);
        return new JsonObject()
                .put("type", "snapshot")
                .put("serverTime", now.toString())
                .put("contacts", new JsonArray(contacts.values().stream().map(SupervisorJson::contact).toList()))
                .put("operators", new JsonArray(operators.keySet().stream().map(this::operatorJson).toList()))
                .put("figures", SupervisorJson.figures(figures))
                .put("alerts", alerts);
    }

    /** What changed since the last update (null if nothing did), and from now on nothing has. */
    JsonObject update() {
        Instant now = clock.instant();
        JsonObject update = new JsonObject().put("type", "update").put("serverTime", now.toString());
        if (!changedContacts.isEmpty()) {
            update.put("contacts", new JsonArray(changedContacts.stream().map(contacts::get).map(SupervisorJson::contact).toList()));
        }
        if (!removedContacts.isEmpty()) {
            update.put("removedContacts", new JsonArray(List.copyOf(removedContacts)));
        }
        if (!changedOperators.isEmpty()) {
            update.put("operators", new JsonArray(changedOperators.stream().sorted().map(this::operatorJson).toList()));
        }
        if (figuresChanged) {
            update.put("figures", SupervisorJson.figures(figures));
        }
        JsonArray alerts = alerts(now);
        // an alert only a snapshot showed, gone again before the next update, must still be taken off that view
        if (!alerts.equals(sentAlerts) || snapshotAhead) {
            update.put("alerts", alerts);
            sentAlerts = alerts;
        }
        changedContacts.clear();
        removedContacts.clear();
        changedOperators.clear();
        figuresChanged = false;
        snapshotAhead = false;
        return update.size() > 2 ? update : null;
    }

    /**
     * URGENT contacts waiting past the router's alert time; the longest wait, when over the threshold; nobody
     * signed in while the line is open; contacts waiting for a language and channel no available operator takes;
     * then the {@link ServiceAlerts} (the phone line, referral deliveries). Only what changes with the facts, not with every tick of the clock,
     * so an unchanged list is not sent again.
     */
    JsonArray alerts(Instant now) {
        JsonArray alerts = new JsonArray();
        for (String id : urgentWaiting) {
            Contact contact = contacts.get(id);
            alerts.add(new JsonObject().put("kind", "urgent_waiting").put("contactId", id)
                    .put("channel", CoreJson.lower(contact.channel()))
                    .put("language", contact.language()).put("since", contact.queuedAt().toString()));
        }
        Contact longest = null;
        int over = 0;
        for (Contact contact : contacts.values()) {
            if (!contact.state().isWaiting()) {
                continue;
            }
            if (contact.waitedAt(now).compareTo(longestWaitAlert) > 0) {
                over++;
            }
            if (longest == null || contact.queuedAt().isBefore(longest.queuedAt())) {
                longest = contact;
            }
        }
        if (over > 0) {
            alerts.add(new JsonObject().put("kind", "long_wait").put("contactId", longest.id())
                    .put("since", longest.queuedAt().toString()).put("count", over)
                    .put("thresholdSeconds", longestWaitAlert.toSeconds()));
        }
        if (hours.isOpenAt(now) && operators.values().stream().allMatch(o -> o.presence() == Presence.OFFLINE)) {
            alerts.add(new JsonObject().put("kind", "no_operator"));
        }
        unstaffed().forEach((need, count) -> alerts.add(new JsonObject().put("kind", "nobody_available")
                .put("channel", CoreJson.lower(need.channel())).put("language", need.language()).put("count", count)));
        services.addTo(alerts, now);
        return alerts;
    }

    /** A language and channel that waiting contacts need. */
    private record Need(Channel channel, String language) {}

    /**
     * How many contacts wait for each language and channel that no available operator takes: they will wait
     * until someone signs in, un-pauses or a contact is transferred, and only a supervisor can arrange that.
     */
    private Map<Need, Integer> unstaffed() {
        Map<Need, Integer> waiting = new TreeMap<>(Comparator.comparing(Need::channel).thenComparing(Need::language));
        for (Contact contact : contacts.values()) {
            if (contact.state().isWaiting()) {
                waiting.merge(new Need(contact.channel(), contact.language()), 1, Integer::sum);
            }
        }
        waiting.keySet().removeIf(need -> operators.values().stream().anyMatch(o -> o.presence() == Presence.AVAILABLE
                && o.profile().channels().contains(need.channel()) && o.profile().languages().contains(need.language())));
        return waiting;
    }

    private JsonObject operatorJson(String operatorId) {
        List<Channel> current = new ArrayList<>();
        for (String contactId : heldBy.getOrDefault(operatorId, Set.of())) {
            Contact contact = contacts.get(contactId);
            if (contact != null) {
                current.add(contact.channel());
            }
        }
        return SupervisorJson.operator(operators.get(operatorId), current);
    }

    /** Who holds the contact now (null: nobody); both the old and the new holder's "current" change. */
    private void hold(String contactId, String operatorId) {
        String before = operatorId == null ? holderOf.remove(contactId) : holderOf.put(contactId, operatorId);
        if (before != null && !before.equals(operatorId)) {
            Set<String> held = heldBy.get(before);
            if (held != null && held.remove(contactId) && held.isEmpty()) {
                heldBy.remove(before);
            }
            markOperator(before);
        }
        if (operatorId != null && heldBy.computeIfAbsent(operatorId, k -> new HashSet<>()).add(contactId)) {
            markOperator(operatorId);
        }
    }

    private void markOperator(String operatorId) {
        if (operators.containsKey(operatorId)) {
            changedOperators.add(operatorId);
        }
    }
}
