package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;

import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.NewContact;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.helpline.core.RejectedCommand;
import org.helpline.core.Router;
import org.helpline.core.RoutingRules;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the queue as the telephony room hears it")
class QueueViewTest {
    private final FakeClock clock = new FakeClock();
    private final Router router = new Router(new RoutingRules(Duration.ofSeconds(20), Duration.ofSeconds(30),
            Duration.ofSeconds(30), 2), clock);
    private final QueueView view = new QueueView();
    private final List<Contact> arrived = new ArrayList<>();

    @Test
    void countsChatsAheadPutsUrgentCallersFirstAndTheOfferedOneNext() {
        Contact chat = arrive(Channel.CHAT, "ro", Priority.NORMAL);
        Contact first = arrive(Channel.CALL, "ro", Priority.NORMAL);
        Contact urgent = arrive(Channel.CALL, "ro", Priority.URGENT);

        assertThat(positionOf(first)).isEqualTo(3); // behind the urgent caller and the chat that came first
        assertThat(positionOf(urgent)).isEqualTo(1);

        apply(new Command.SetPresence(new OperatorProfile("ana", Set.of("ro"), Set.of(Channel.CALL), 1, "2001"),
                Presence.AVAILABLE, null));
        assertThat(router.contact(urgent.id()).orElseThrow().state()).isEqualTo(ContactState.OFFERED);
        assertThat(positionOf(urgent)).isEqualTo(1);
        assertThat(positionOf(first)).isEqualTo(2); // the chat is still ahead: Ana takes no chats

        apply(new Command.Leave(chat.id()));
        assertThat(positionOf(first)).isEqualTo(1);
        apply(new Command.Accept("ana", urgent.id()));
        assertThat(view.placeOfCall(urgent.channelRef())).as("a caller talking with an operator is not waiting").isEmpty();
    }

    @Test
    void agreesWithTheRouterThroughAThousandRandomChanges() {
        Random random = new Random(11);
        for (int step = 0; step < 1_000; step++) {
            switch (random.nextInt(9)) {
                case 0, 1, 2 -> arrive(random.nextBoolean() ? Channel.CALL : Channel.CHAT, random.nextBoolean() ? "ro" : "en",
                        random.nextInt(4) == 0 ? Priority.URGENT : Priority.NORMAL);
                case 3 -> apply(new Command.Leave(any(random).id()));
                case 4 -> apply(new Command.RaiseToUrgent(any(random).id()));
                case 5 -> apply(new Command.SetPresence(new OperatorProfile(random.nextBoolean() ? "ana" : "bogdan",
                        Set.of(random.nextBoolean() ? "ro" : "en"), Set.of(Channel.CALL, Channel.CHAT), 2, "2001"),
                        Presence.values()[random.nextInt(Presence.values().length)], null));
                case 6 -> offered(random, Command.MissOffer::new);
                case 7 -> offered(random, id -> new Command.Accept(router.contact(id).orElseThrow().operatorId(), id));
                default -> {
                    clock.advance(Duration.ofSeconds(random.nextInt(25)));
                    feed(router.tick());
                }
            }
            for (Contact contact : arrived) {
                if (contact.channel() == Channel.CALL) {
                    int position = router.positionOf(contact.id());
                    assertThat(view.placeOfCall(contact.channelRef()).map(p -> p.position()).orElse(0))
                            .as("step %d, %s", step, contact.id()).isEqualTo(position);
                }
            }
        }
    }

    private Contact arrive(Channel channel, String language, Priority priority) {
        String ref = (channel == Channel.CALL ? "PJSIP/carrier-" : "chat-") + arrived.size();
        Contact contact = (Contact) apply(new Command.Enqueue(new NewContact(channel, language, "abroad", priority, ref)));
        arrived.add(contact);
        clock.advance(Duration.ofSeconds(1));
        return contact;
    }

    private Contact any(Random random) {
        return arrived.isEmpty() ? arrive(Channel.CALL, "ro", Priority.NORMAL) : arrived.get(random.nextInt(arrived.size()));
    }

    /** Applies the command to one contact being offered, if there is one. */
    private void offered(Random random, Function<String, Command> command) {
        List<Contact> offers = arrived.stream().map(c -> router.contact(c.id()).orElse(null))
                .filter(c -> c != null && c.state() == ContactState.OFFERED).toList();
        if (!offers.isEmpty()) {
            apply(command.apply(offers.get(random.nextInt(offers.size())).id()));
        }
    }

    private int positionOf(Contact contact) {
        return view.placeOfCall(contact.channelRef()).orElseThrow().position();
    }

    /** What the dispatch does: the router decides, the room hears the events. A refused command changes nothing. */
    private Object apply(Command command) {
        try {
            Router.Outcome outcome = router.apply(command);
            feed(outcome.events());
            return outcome.reply();
        } catch (RejectedCommand refused) {
            return null;
        }
    }

    private void feed(List<HelplineEvent> events) {
        events.stream().filter(ContactChanged.class::isInstance)
                .forEach(e -> view.update(((ContactChanged) e).contact()));
    }
}
