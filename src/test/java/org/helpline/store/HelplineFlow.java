package org.helpline.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent;
import org.helpline.core.NewContact;
import org.helpline.core.Operator;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.helpline.core.Router;
import org.helpline.core.RoutingRules;
import org.helpline.testing.FakeClock;

/**
 * A real router driven through a stretch of a helpline's day. Every command's events are kept as one
 * batch, as dispatch records them; what the store must give back is whatever the router still holds.
 */
final class HelplineFlow {
    static final RoutingRules RULES = new RoutingRules(
            Duration.ofSeconds(20), Duration.ofSeconds(60), Duration.ofSeconds(30), 2);

    final FakeClock clock = new FakeClock();
    final Router router = new Router(RULES, clock);
    private final List<List<HelplineEvent>> batches = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();

    /**
     * Four contacts arrive and two operators sign in; an urgent chat is offered, taken, ended and wrapped
     * up; a second chat is taken and its caller hangs up; a caller gives up while queued; an urgent call
     * nobody can take raises an alert. Left: two queued calls, one chat in wrap-up, one operator in
     * wrap-up and one paused.
     */
    static HelplineFlow shift() {
        HelplineFlow flow = new HelplineFlow();
        Contact call = flow.arrive(Channel.CALL, "en", Priority.NORMAL);
        Contact urgentChat = flow.arrive(Channel.CHAT, "en", Priority.URGENT);
        Contact chat = flow.arrive(Channel.CHAT, "en", Priority.NORMAL);
        Contact urgentCall = flow.arrive(Channel.CALL, "ro", Priority.URGENT);
        flow.apply(new Command.SetPresence(profile("bogdan", "ro"), Presence.PAUSED, "training"));
        flow.apply(new Command.SetPresence(profile("amira", "en"), Presence.AVAILABLE, null));
        flow.acceptOffers("amira");
        flow.apply(new Command.End("amira", urgentChat.id()));
        flow.apply(new Command.WrapUp("amira", urgentChat.id(), "referred"));
        flow.tick(HelplineFlow.RULES.urgentAlertAfter());
        flow.apply(new Command.Leave(chat.id()));
        Contact givesUp = flow.arrive(Channel.CALL, "en", Priority.NORMAL);
        flow.apply(new Command.Leave(givesUp.id()));
        flow.check(call, ContactState.QUEUED);
        flow.check(urgentCall, ContactState.QUEUED);
        return flow;
    }

    static OperatorProfile profile(String id, String language) {
        return new OperatorProfile(id, Set.of(language), Set.of(Channel.CALL, Channel.CHAT), 3, null);
    }

    Contact arrive(Channel channel, String language, Priority priority) {
        return (Contact) apply(new Command.Enqueue(new NewContact(channel, language, "labour", priority, null)));
    }

    Object apply(Command command) {
        Router.Outcome outcome = router.apply(command);
        keep(outcome.events());
        clock.advance(Duration.ofSeconds(1));
        return outcome.reply();
    }

    void acceptOffers(String operatorId) {
        router.workOf(operatorId).stream()
                .filter(c -> c.state() == ContactState.OFFERED)
                .toList()
                .forEach(c -> apply(new Command.Accept(operatorId, c.id())));
    }

    void tick(Duration after) {
        clock.advance(after);
        keep(router.tick());
    }

    /** The batches made since the last call, oldest first. */
    List<List<HelplineEvent>> batches() {
        List<List<HelplineEvent>> made = List.copyOf(batches);
        batches.clear();
        return made;
    }

    /** Contacts the router still holds, in arrival order: what a store must give back. */
    List<Contact> liveContacts() {
        return seen.stream().map(router::contact).flatMap(Optional::stream)
                .sorted(Comparator.comparingLong(Contact::sequence)).toList();
    }

    List<Operator> operators() {
        return List.copyOf(router.operators());
    }

    private void keep(List<HelplineEvent> events) {
        for (HelplineEvent event : events) {
            if (event instanceof HelplineEvent.ContactChanged changed) {
                seen.add(changed.contact().id());
            }
        }
        if (!events.isEmpty()) {
            batches.add(events);
        }
    }

    private void check(Contact contact, ContactState expected) {
        ContactState actual = router.contact(contact.id()).map(Contact::state).orElse(null);
        if (actual != expected) {
            throw new IllegalStateException("the flow went astray: contact " + contact.sequence() + " is " + actual);
        }
    }
}
