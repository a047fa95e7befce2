package org.helpline.core;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.helpline.core.Command.Accept;
import org.helpline.core.Command.Decline;
import org.helpline.core.Command.DescribeOperator;
import org.helpline.core.Command.End;
import org.helpline.core.Command.Enqueue;
import org.helpline.core.Command.Leave;
import org.helpline.core.Command.Locate;
import org.helpline.core.Command.MissOffer;
import org.helpline.core.Command.SetPresence;
import org.helpline.core.Command.Transfer;
import org.helpline.core.Command.WrapUp;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.HelplineEvent.UrgentContactWaiting;

/**
 * One queue for calls and chats, and the operators who take them. Single-threaded: the dispatch
 * verticle calls it from one event-loop context. Every method returns the events it caused, in order.
 *
 * <p>Queue order: URGENT before NORMAL, then arrival order; a contact that goes back to the queue
 * keeps its place. An offer goes to an operator who speaks the contact's language, takes its channel
 * and has free capacity (one call, or chats up to their capacity, never both); among those, the least
 * loaded and then the one idle longest, asking operators who already missed this contact last.
 */
public final class Router {
    private static final Comparator<Operator> OFFER_ORDER = Comparator.comparingInt(Operator::load)
            .thenComparing(Operator::idleSince)
            .thenComparing(Operator::id);

    private final RoutingRules rules;
    private final Clock clock;
    private final Map<String, Contact> contacts = new HashMap<>();
    private final TreeMap<QueueKey, String> queue = new TreeMap<>();
    /** Offer and wrap-up deadlines, soonest first, so the timers touch only what is due. */
    private final TreeMap<Due, String> deadlines = new TreeMap<>();
    private final Set<String> urgentUnalerted = new HashSet<>();
    private final Map<String, Operator> operators = new LinkedHashMap<>();
    private final Map<String, Set<String>> work = new HashMap<>();
    private final List<HelplineEvent> changes = new ArrayList<>();
    private long lastSequence;

    public Router(RoutingRules rules, Clock clock) {
        this.rules = rules;
        this.clock = clock;
    }

    /** The reply to a command and every event it caused. */
    public record Outcome(Object reply, List<HelplineEvent> events) {}

    /** Applies one command; a {@link RejectedCommand} leaves everything as it was. */
    public Outcome apply(Command command) {
        Instant now = clock.instant();
        Object reply = switch (command) {
            case Enqueue e -> enqueue(e.contact(), now);
            case Leave l -> leave(existing(l.contactId()), now);
            case SetPresence p -> setPresence(p.profile(), p.presence(), p.reason(), now);
            case Command.SetPresenceOf p -> setPresence(signedIn(p.operatorId()).profile(), p.presence(), p.reason(), now);
            case Command.RaiseToUrgent r -> raiseToUrgent(existing(r.contactId()));
            case Command.MoveToLanguage m -> moveToLanguage(existing(m.contactId()), m.language());
            case Accept a -> accept(offeredTo(a.operatorId(), a.contactId(), "accept"), now);
            case Decline d -> missOffer(offeredTo(d.operatorId(), d.contactId(), "decline"), ChangeReason.DECLINED, now);
            case MissOffer m -> missOffer(offered(existing(m.contactId()), "miss"), ChangeReason.OFFER_MISSED, now);
            case Command.PhoneLost p -> phoneLost(callOn(p.channelRef()), now);
            case End e -> end(ownedBy(e.operatorId(), existing(e.contactId()), "end"), ChangeReason.ENDED, now);
            case WrapUp w -> wrapUp(w.operatorId(), existing(w.contactId()), w.outcome(), now);
            case Command.KeepWrappingUp k -> keepWrappingUp(ownedBy(k.operatorId(), existing(k.contactId()), "keep wrapping up"), now);
            case Transfer t -> transfer(t, existing(t.contactId()), now);
            case Locate l -> new QueuePlace(existing(l.contactId()), positionOf(l.contactId()));
            case Command.LocateCall l -> placeOf(callOn(l.channelRef()));
            case DescribeOperator d -> new OperatorWork(operators.get(d.operatorId()), workOf(d.operatorId()));
        };
        route(now);
        return new Outcome(reply, drain());
    }

    /** Runs the timers: offer timeouts, wrap-up timeouts and urgent-wait alerts. */
    public List<HelplineEvent> tick() {
        Instant now = clock.instant();
        List<Contact> due = deadlines.headMap(new Due(now, Long.MAX_VALUE), true).values().stream()
                .map(contacts::get).toList();
        for (Contact contact : due) {
            if (contact.state() == ContactState.OFFERED) {
                missOffer(contact, ChangeReason.OFFER_TIMEOUT, now);
            } else if (contact.state() == ContactState.WRAP_UP) {
                close(contact, RoutingRules.UNRECORDED_OUTCOME, ChangeReason.WRAP_UP_TIMEOUT, now);
            }
        }
        raiseUrgentAlerts(now);
        route(now);
        return drain();
    }

    /**
     * Takes back the state a store recorded before a restart, and announces every contact and operator
     * it restored. Offers in flight are withdrawn (their contacts keep their place); conversations and
     * wrap-ups carry on.
     */
    public List<HelplineEvent> restore(Collection<Contact> savedContacts, Collection<Operator> savedOperators) {
        Instant now = clock.instant();
        savedOperators.forEach(o -> operators.put(o.id(), o));
        savedContacts.stream().sorted(Comparator.comparingLong(Contact::sequence)).forEach(saved -> {
            lastSequence = Math.max(lastSequence, saved.sequence());
            if (saved.state().isFinal()) {
                return;
            }
            Contact restored = saved.state() == ContactState.OFFERED ? saved.requeued(now, false) : saved;
            store(restored, ChangeReason.RESTORED);
            if (restored.state() == ContactState.QUEUED) {
                queue.put(QueueKey.of(restored), restored.id());
            } else if (restored.operatorId() != null) {
                work.computeIfAbsent(restored.operatorId(), k -> new LinkedHashSet<>()).add(restored.id());
            }
        });
        List.copyOf(operators.keySet()).forEach(id -> refresh(id, ChangeReason.RESTORED, now));
        route(now);
        return drain();
    }

    public Optional<Contact> contact(String id) {
        return Optional.ofNullable(contacts.get(id));
    }

    public Optional<Operator> operator(String id) {
        return Optional.ofNullable(operators.get(id));
    }

    public Collection<Operator> operators() {
        return List.copyOf(operators.values());
    }

    /** Contacts waiting in the queue, in the order they will be offered. */
    public List<Contact> queue() {
        return queue.values().stream().map(contacts::get).toList();
    }

    /** Contacts an operator is being offered, talking with or wrapping up. */
    public List<Contact> workOf(String operatorId) {
        return work.getOrDefault(operatorId, Set.of()).stream().map(contacts::get).toList();
    }

    /** 1 for the next contact to be offered (or one being offered now), 0 if not waiting. */
    public int positionOf(String contactId) {
        Contact contact = contacts.get(contactId);
        return contact == null ? 0 : QueueKey.position(contact, queue);
    }

    private Contact enqueue(NewContact request, Instant now) {
        Contact contact = Contact.queued(UUID.randomUUID().toString(), request, ++lastSequence, now);
        store(contact, ChangeReason.NEW);
        queue.put(QueueKey.of(contact), contact.id());
        return contact;
    }

    private Contact leave(Contact contact, Instant now) {
        return switch (contact.state()) {
            case QUEUED -> {
                queue.remove(QueueKey.of(contact));
                yield abandon(contact, now);
            }
            case OFFERED -> {
                Contact gone = abandon(contact, now);
                release(contact, ChangeReason.WORKLOAD, now);
                yield gone;
            }
            case CONNECTED -> end(contact, ChangeReason.LEFT, now);
            case WRAP_UP, CLOSED, ABANDONED -> contact;
        };
    }

    private Contact abandon(Contact contact, Instant now) {
        Contact gone = contact.abandoned(now);
        store(gone, ChangeReason.LEFT);
        return gone;
    }

    private Operator setPresence(OperatorProfile profile, Presence presence, String reason, Instant now) {
        if (presence == Presence.PAUSED && (reason == null || reason.isBlank())) {
            throw new RejectedCommand("reason_required", "a pause needs a reason");
        }
        Operator known = operators.get(profile.id());
        Operator operator = known == null
                ? new Operator(profile, presence, OperatorState.OFFLINE, null, now, now, 0, 0)
                : known.withProfile(profile);
        if (presence == Presence.AVAILABLE) {
            operator = operator.withMissed(0);
        }
        operators.put(profile.id(), operator.with(presence, reason));
        if (presence != Presence.AVAILABLE) {
            withdrawOffers(profile.id(), now);
        }
        refresh(profile.id(), ChangeReason.PRESENCE, now);
        if (known != null && !profile.equals(known.profile())) {
            changes.add(new OperatorChanged(operators.get(profile.id()), ChangeReason.PROFILE));
        }
        return operators.get(profile.id());
    }

    private Contact accept(Contact offer, Instant now) {
        Contact connected = offer.connected(now);
        store(connected, ChangeReason.ACCEPTED);
        operators.computeIfPresent(offer.operatorId(), (id, o) -> o.withMissed(0));
        refresh(offer.operatorId(), ChangeReason.WORKLOAD, now);
        return connected;
    }

    private Contact missOffer(Contact offer, ChangeReason reason, Instant now) {
        Contact back = requeue(offer, true, reason, now);
        detach(offer);
        ChangeReason operatorReason = ChangeReason.WORKLOAD;
        Operator operator = operators.get(offer.operatorId());
        if (operator != null) {
            operator = operator.withMissed(operator.missedInRow() + 1);
            if (operator.missedInRow() >= rules.missedOffersBeforePause() && operator.presence() == Presence.AVAILABLE) {
                operator = operator.with(Presence.PAUSED, RoutingRules.MISSED_OFFERS_REASON);
                operatorReason = ChangeReason.MISSED_OFFERS;
            }
            operators.put(operator.id(), operator);
            if (operatorReason == ChangeReason.MISSED_OFFERS) {
                withdrawOffers(operator.id(), now);
            }
        }
        refresh(offer.operatorId(), operatorReason, now);
        return back;
    }

    private Contact requeue(Contact offer, boolean missed, ChangeReason reason, Instant now) {
        Contact back = offer.requeued(now, missed);
        store(back, reason);
        queue.put(QueueKey.of(back), back.id());
        return back;
    }

    /**
     * Offers still open to an operator who is no longer available go back, without counting as missed.
     * The caller refreshes the operator once afterwards.
     */
    private void withdrawOffers(String operatorId, Instant now) {
        for (Contact contact : workOf(operatorId)) {
            if (contact.state() == ContactState.OFFERED) {
                requeue(contact, false, ChangeReason.OPERATOR_UNAVAILABLE, now);
                detach(contact);
            }
        }
    }

    /**
     * A call whose operator's phone dropped out goes back to its place, as an unanswered offer does; the operator
     * keeps their chats but is offered no call until their console says the phone works again (a new profile).
     */
    private QueuePlace phoneLost(Contact call, Instant now) {
        if (call.state() != ContactState.CONNECTED) {
            throw RejectedCommand.wrongState(call, "return to the queue");
        }
        Contact back = requeue(call, true, ChangeReason.PHONE_LOST, now);
        detach(call);
        operators.computeIfPresent(call.operatorId(), (id, o) -> o.withProfile(o.profile().withoutCalls()));
        refresh(call.operatorId(), ChangeReason.PHONE_LOST, now);
        return placeOf(back);
    }

    private Contact end(Contact contact, ChangeReason reason, Instant now) {
        if (contact.state() == ContactState.WRAP_UP) {
            return contact;
        }
        if (contact.state() != ContactState.CONNECTED) {
            throw RejectedCommand.wrongState(contact, "end");
        }
        Contact ended = contact.wrappingUp(now, now.plus(rules.wrapUpTime()));
        store(ended, reason);
        refresh(contact.operatorId(), ChangeReason.WORKLOAD, now);
        return ended;
    }

    /**
     * Only chats: a call is bridged to the operator's phone, and moving it is telephony's work. With a target
     * operator the chat is offered to them at once, if they could be offered it now; otherwise it is refused.
     */
    private Contact transfer(Transfer request, Contact contact, Instant now) {
        ownedBy(request.operatorId(), contact, "transfer");
        if (contact.state() != ContactState.CONNECTED) {
            throw RejectedCommand.wrongState(contact, "transfer");
        }
        if (contact.channel() != Channel.CHAT) {
            throw new RejectedCommand("transfer_unsupported", "only chats can be transferred here; transfer a call on the phone");
        }
        String language = request.language() == null || request.language().isBlank() ? contact.language() : request.language();
        Contact moved = contact.transferred(now, language);
        Operator target = null;
        if (request.toOperatorId() != null) {
            target = operators.get(request.toOperatorId());
            if (request.toOperatorId().equals(request.operatorId()) || target == null || !hasRoom(target) || !canTake(target, moved)) {
                throw new RejectedCommand("target_unavailable", "operator " + request.toOperatorId() + " cannot take this chat now");
            }
        }
        store(moved, ChangeReason.TRANSFERRED);
        release(contact, ChangeReason.WORKLOAD, now);
        if (target != null) {
            offer(moved, operators.get(target.id()), now);
            return contacts.get(moved.id());
        }
        queue.put(QueueKey.of(moved), moved.id());
        return moved;
    }

    private Contact keepWrappingUp(Contact contact, Instant now) {
        if (contact.state() != ContactState.WRAP_UP) {
            throw RejectedCommand.wrongState(contact, "keep wrapping up");
        }
        Contact longer = contact.wrappingUp(contact.stateSince(), now.plus(rules.wrapUpTime()));
        store(longer, ChangeReason.WRAP_UP_EXTENDED);
        return longer;
    }

    private Contact wrapUp(String operatorId, Contact contact, String outcome, Instant now) {
        ownedBy(operatorId, contact, "wrap up");
        if (contact.state() != ContactState.WRAP_UP) {
            throw RejectedCommand.wrongState(contact, "wrap up");
        }
        if (outcome == null || outcome.isBlank()) {
            throw new RejectedCommand("outcome_required", "a wrap-up needs an outcome code");
        }
        return close(contact, outcome, ChangeReason.WRAPPED_UP, now);
    }

    private Contact close(Contact contact, String outcome, ChangeReason reason, Instant now) {
        Contact closed = contact.closed(now, outcome);
        store(closed, reason);
        release(contact, ChangeReason.WORKLOAD, now);
        return closed;
    }

    /** Keeps its arrival order: among URGENT contacts it goes where its sequence puts it. */
    private Contact raiseToUrgent(Contact contact) {
        if (!contact.state().isWaiting()) {
            throw RejectedCommand.wrongState(contact, "raise the priority of");
        }
        if (contact.priority() == Priority.URGENT) {
            return contact;
        }
        Contact raised = contact.withPriority(Priority.URGENT);
        if (contact.state() == ContactState.QUEUED) {
            queue.remove(QueueKey.of(contact));
            queue.put(QueueKey.of(raised), raised.id());
        }
        store(raised, ChangeReason.RAISED_TO_URGENT);
        return raised;
    }

    /** Only while queued: an offer already ringing stays with the operator who speaks the old language. */
    private Contact moveToLanguage(Contact contact, String language) {
        if (language == null || language.isBlank()) {
            throw new RejectedCommand("bad_request", "a move needs a language");
        }
        if (contact.state() != ContactState.QUEUED) {
            throw RejectedCommand.wrongState(contact, "move");
        }
        if (contact.language().equals(language)) {
            return contact;
        }
        Contact moved = contact.withLanguage(language);
        store(moved, ChangeReason.LANGUAGE_CHANGED);
        return moved;
    }

    private Operator signedIn(String operatorId) {
        Operator operator = operatorId == null ? null : operators.get(operatorId);
        if (operator == null) {
            throw RejectedCommand.unknownOperator(operatorId);
        }
        return operator;
    }

    private void raiseUrgentAlerts(Instant now) {
        List<Contact> overdue = urgentUnalerted.stream().map(contacts::get)
                .filter(c -> c.waitedAt(now).compareTo(rules.urgentAlertAfter()) >= 0)
                .sorted(Comparator.comparingLong(Contact::sequence))
                .toList();
        for (Contact contact : overdue) {
            Contact alerted = contact.alerted();
            keep(alerted);
            changes.add(new UrgentContactWaiting(alerted, contact.waitedAt(now)));
        }
    }

    private void route(Instant now) {
        if (queue.isEmpty()) {
            return;
        }
        List<Operator> free = new ArrayList<>();
        for (Operator operator : operators.values()) {
            if (hasRoom(operator)) {
                free.add(operator);
            }
        }
        if (free.isEmpty()) {
            return;
        }
        free.sort(OFFER_ORDER);
        // Languages nobody free can take, per channel: the rest of the queue in them is skipped.
        Map<Channel, Set<String>> nobodyFor = new EnumMap<>(Channel.class);
        Iterator<Map.Entry<QueueKey, String>> waiting = queue.entrySet().iterator();
        while (waiting.hasNext() && !free.isEmpty()) {
            Contact contact = contacts.get(waiting.next().getValue());
            Set<String> unserved = nobodyFor.get(contact.channel());
            if (unserved != null && unserved.contains(contact.language())) {
                continue;
            }
            Operator chosen = choose(contact, free);
            if (chosen == null) {
                nobodyFor.computeIfAbsent(contact.channel(), c -> new HashSet<>()).add(contact.language());
                continue;
            }
            waiting.remove();
            offer(contact, chosen, now);
            free.remove(chosen);
            Operator updated = operators.get(chosen.id());
            if (hasRoom(updated)) {
                free.add(updated);
                free.sort(OFFER_ORDER);
            }
        }
    }

    private Operator choose(Contact contact, List<Operator> free) {
        Operator fallback = null;
        for (Operator operator : free) {
            if (canTake(operator, contact)) {
                if (!contact.missedBy().contains(operator.id())) {
                    return operator;
                }
                fallback = fallback == null ? operator : fallback;
            }
        }
        return fallback;
    }

    private void offer(Contact contact, Operator operator, Instant now) {
        Contact offered = contact.offeredTo(operator.id(), now, now.plus(rules.offerTimeout()));
        store(offered, ChangeReason.OFFERED);
        work.computeIfAbsent(operator.id(), k -> new LinkedHashSet<>()).add(contact.id());
        refresh(operator.id(), ChangeReason.WORKLOAD, now);
    }

    /** Allocation-free: it runs for every operator on every routing pass. */
    private boolean hasRoom(Operator operator) {
        if (operator.presence() != Presence.AVAILABLE) {
            return false;
        }
        Set<String> held = work.get(operator.id());
        if (held == null || held.isEmpty()) {
            return true;
        }
        if (!operator.profile().channels().contains(Channel.CHAT) || held.size() >= operator.profile().chatCapacity()) {
            return false;
        }
        for (String id : held) {
            if (contacts.get(id).channel() != Channel.CHAT) {
                return false;
            }
        }
        return true;
    }

    private boolean canTake(Operator operator, Contact contact) {
        OperatorProfile profile = operator.profile();
        if (!profile.languages().contains(contact.language()) || !profile.channels().contains(contact.channel())) {
            return false;
        }
        return contact.channel() == Channel.CHAT || operator.load() == 0;
    }

    /** Frees the operator's slot held by a contact that has left their hands. */
    private void release(Contact contact, ChangeReason reason, Instant now) {
        detach(contact);
        refresh(contact.operatorId(), reason, now);
    }

    private void detach(Contact contact) {
        Set<String> held = work.get(contact.operatorId());
        if (held != null) {
            held.remove(contact.id());
            if (held.isEmpty()) {
                work.remove(contact.operatorId());
            }
        }
    }

    /** Recomputes what supervisors see of an operator and announces it if it changed. */
    private void refresh(String operatorId, ChangeReason reason, Instant now) {
        Operator operator = operators.get(operatorId);
        if (operator == null) {
            return;
        }
        List<Contact> current = workOf(operatorId);
        Operator updated = operator.withWork(stateOf(operator, current), current.size(), now);
        boolean announceAnyway = reason == ChangeReason.PRESENCE || reason == ChangeReason.MISSED_OFFERS
                || reason == ChangeReason.RESTORED || reason == ChangeReason.PHONE_LOST;
        if (!updated.equals(operator) || announceAnyway) {
            operators.put(operatorId, updated);
            changes.add(new OperatorChanged(updated, reason));
        }
    }

    private static OperatorState stateOf(Operator operator, List<Contact> current) {
        if (current.stream().anyMatch(c -> c.state() == ContactState.OFFERED || c.state() == ContactState.CONNECTED)) {
            return OperatorState.BUSY;
        }
        if (!current.isEmpty()) {
            return OperatorState.WRAP_UP;
        }
        return switch (operator.presence()) {
            case OFFLINE -> OperatorState.OFFLINE;
            case PAUSED -> OperatorState.PAUSED;
            case AVAILABLE -> OperatorState.AVAILABLE;
        };
    }

    private void store(Contact contact, ChangeReason reason) {
        keep(contact);
        changes.add(new ContactChanged(contact, reason));
    }

    /** The one place a contact is kept or forgotten, so that the timers' indexes always agree with it. */
    private void keep(Contact contact) {
        boolean gone = contact.state().isFinal();
        Contact previous = gone ? contacts.remove(contact.id()) : contacts.put(contact.id(), contact);
        if (previous != null && previous.deadline() != null) {
            deadlines.remove(Due.of(previous));
        }
        if (!gone && contact.deadline() != null) {
            deadlines.put(Due.of(contact), contact.id());
        }
        if (!gone && contact.priority() == Priority.URGENT && contact.state().isWaiting() && !contact.urgentAlerted()) {
            urgentUnalerted.add(contact.id());
        } else {
            urgentUnalerted.remove(contact.id());
        }
    }

    private QueuePlace placeOf(Contact contact) {
        return new QueuePlace(contact, positionOf(contact.id()));
    }

    /** The call on this channel: a scan, as it is asked only every half minute per holding caller. */
    private Contact callOn(String channelRef) {
        for (Contact contact : contacts.values()) {
            if (contact.channel() == Channel.CALL && contact.channelRef() != null && contact.channelRef().equals(channelRef)) {
                return contact;
            }
        }
        throw RejectedCommand.unknownContact("on " + channelRef);
    }

    private Contact existing(String contactId) {
        Contact contact = contactId == null ? null : contacts.get(contactId);
        if (contact == null) {
            throw RejectedCommand.unknownContact(contactId);
        }
        return contact;
    }

    private static Contact offered(Contact contact, String action) {
        if (contact.state() != ContactState.OFFERED) {
            throw RejectedCommand.wrongState(contact, action);
        }
        return contact;
    }

    private Contact offeredTo(String operatorId, String contactId, String action) {
        return ownedBy(operatorId, offered(existing(contactId), action), action);
    }

    private static Contact ownedBy(String operatorId, Contact contact, String action) {
        if (operatorId == null || !operatorId.equals(contact.operatorId())) {
            throw RejectedCommand.notYours(action);
        }
        return contact;
    }

    private List<HelplineEvent> drain() {
        List<HelplineEvent> drained = List.copyOf(changes);
        changes.clear();
        return drained;
    }

    /** When a contact's offer or wrap-up runs out; arrival order breaks ties. */
    private record Due(Instant at, long sequence) implements Comparable<Due> {
        static Due of(Contact contact) {
            return new Due(contact.deadline(), contact.sequence());
        }

        @Override
        public int compareTo(Due other) {
            int byTime = at.compareTo(other.at);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }
}
