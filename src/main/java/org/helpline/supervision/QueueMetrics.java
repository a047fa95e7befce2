package org.helpline.supervision;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.helpline.bus.CoreJson;
import org.helpline.core.Addresses;
import org.helpline.core.Channel;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.Operator;
import org.helpline.core.OperatorState;

/**
 * Prometheus figures kept from the router's events: queue length and longest wait per channel and
 * language, operators per state, and finished contacts by outcome. Label values come only from
 * configuration and enums, so no caller can put anything into a metric.
 */
public final class QueueMetrics {
    static final String ABANDONED = "abandoned";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Contact> waiting = new ConcurrentHashMap<>();
    private final Map<String, Operator> operators = new ConcurrentHashMap<>();

    public QueueMetrics(MeterRegistry registry, Clock clock, List<String> languages) {
        this.registry = registry;
        this.clock = clock;
        for (Channel channel : Channel.values()) {
            for (String language : languages) {
                Gauge.builder("helpline_queue_length", () -> waitingOf(channel, language).count())
                        .description("Contacts waiting for an operator")
                        .tags("channel", CoreJson.lower(channel), "language", language).register(registry);
                Gauge.builder("helpline_queue_longest_wait_seconds", () -> longestWait(channel, language))
                        .description("How long the longest-waiting contact has waited")
                        .tags("channel", CoreJson.lower(channel), "language", language).register(registry);
            }
        }
        for (OperatorState state : OperatorState.values()) {
            Gauge.builder("helpline_operators", () -> operators.values().stream().filter(o -> o.state() == state).count())
                    .description("Operators signed in, by state")
                    .tags("state", CoreJson.lower(state)).register(registry);
        }
    }

    public Future<Void> start(Vertx vertx) {
        var contacts = vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> contactChanged(m.body().contact()));
        var people = vertx.eventBus().<OperatorChanged>consumer(Addresses.OPERATOR_EVENTS, m -> operatorChanged(m.body().operator()));
        return Future.all(contacts.completion(), people.completion()).mapEmpty();
    }

    void contactChanged(Contact contact) {
        if (contact.state().isWaiting()) {
            waiting.put(contact.id(), contact);
            return;
        }
        waiting.remove(contact.id());
        if (contact.state().isFinal()) {
            String outcome = contact.state() == ContactState.ABANDONED ? ABANDONED : contact.outcome();
            Counter.builder("helpline_contacts_finished_total")
                    .description("Contacts that ended, by channel and outcome")
                    .tags("channel", CoreJson.lower(contact.channel()), "outcome", outcome)
                    .register(registry).increment();
        }
    }

    void operatorChanged(Operator operator) {
        operators.put(operator.id(), operator);
    }

    private Stream<Contact> waitingOf(Channel channel, String language) {
        return waiting.values().stream().filter(c -> c.channel() == channel && c.language().equals(language));
    }

    private double longestWait(Channel channel, String language) {
        return waitingOf(channel, language)
                .mapToLong(c -> c.waitedAt(clock.instant()).toSeconds()).max().orElse(0);
    }
}
