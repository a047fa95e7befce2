package org.helpline.core;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/**
 * One call or chat. It holds no personal data: {@code channelRef} is the opaque handle its channel
 * adapter uses to find the conversation again (an Asterisk channel name, a chat session id).
 *
 * @param sequence   arrival order; with the priority it fixes the contact's place in the queue for good
 * @param queuedAt   when the contact first joined the queue (waiting time is measured from here)
 * @param operatorId the operator it is offered to, connected with or wrapped up by; null while queued
 * @param deadline   when the current offer or wrap-up runs out; null otherwise
 * @param missedBy   operators who declined or missed this contact; they are asked last
 * @param outcome    the wrap-up outcome code once CLOSED
 */
public record Contact(
        String id,
        Channel channel,
        String language,
        String topic,
        Priority priority,
        ContactState state,
        long sequence,
        Instant queuedAt,
        Instant stateSince,
        String operatorId,
        Instant deadline,
        Set<String> missedBy,
        boolean urgentAlerted,
        String outcome,
        String channelRef) {

    public Contact {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(state, "state");
        missedBy = Set.copyOf(missedBy);
    }

    static Contact queued(String id, NewContact request, long sequence, Instant now) {
        return new Contact(id, request.channel(), request.language(), request.topic(), request.priority(),
                ContactState.QUEUED, sequence, now, now, null, null, Set.of(), false, null, request.channelRef());
    }

    public Duration waitedAt(Instant now) {
        return Duration.between(queuedAt, now);
    }

    Contact offeredTo(String operator, Instant now, Instant until) {
        return new Contact(id, channel, language, topic, priority, ContactState.OFFERED, sequence, queuedAt, now,
                operator, until, missedBy, urgentAlerted, null, channelRef);
    }

    /** Back to its old place in the queue, remembering who missed it. */
    Contact requeued(Instant now, boolean missed) {
        Set<String> missers = missedBy;
        if (missed && operatorId != null) {
            missers = new HashSet<>(missedBy);
            missers.add(operatorId);
        }
        return new Contact(id, channel, language, topic, priority, ContactState.QUEUED, sequence, queuedAt, now,
                null, null, missers, urgentAlerted, null, channelRef);
    }

    /** Handed on by its operator: back to its old place, maybe in another language; that operator is asked last. */
    Contact transferred(Instant now, String newLanguage) {
        Set<String> missers = new HashSet<>(missedBy);
        missers.add(operatorId);
        return new Contact(id, channel, newLanguage, topic, priority, ContactState.QUEUED, sequence, queuedAt, now,
                null, null, missers, urgentAlerted, null, channelRef);
    }

    Contact connected(Instant now) {
        return new Contact(id, channel, language, topic, priority, ContactState.CONNECTED, sequence, queuedAt, now,
                operatorId, null, missedBy, urgentAlerted, null, channelRef);
    }

    Contact wrappingUp(Instant now, Instant until) {
        return new Contact(id, channel, language, topic, priority, ContactState.WRAP_UP, sequence, queuedAt, now,
                operatorId, until, missedBy, urgentAlerted, null, channelRef);
    }

    Contact closed(Instant now, String outcomeCode) {
        return new Contact(id, channel, language, topic, priority, ContactState.CLOSED, sequence, queuedAt, now,
                operatorId, null, missedBy, urgentAlerted, outcomeCode, channelRef);
    }

    Contact abandoned(Instant now) {
        return new Contact(id, channel, language, topic, priority, ContactState.ABANDONED, sequence, queuedAt, now,
                operatorId, null, missedBy, urgentAlerted, null, channelRef);
    }

    Contact alerted() {
        return new Contact(id, channel, language, topic, priority, state, sequence, queuedAt, stateSince,
                operatorId, deadline, missedBy, true, outcome, channelRef);
    }

    /** Same state and arrival order, another priority (a supervisor's decision). */
    Contact withPriority(Priority newPriority) {
        return new Contact(id, channel, language, topic, newPriority, state, sequence, queuedAt, stateSince,
                operatorId, deadline, missedBy, urgentAlerted, outcome, channelRef);
    }

    /** Same state and place, another language (a supervisor's decision). */
    Contact withLanguage(String newLanguage) {
        return new Contact(id, channel, newLanguage, topic, priority, state, sequence, queuedAt, stateSince,
                operatorId, deadline, missedBy, urgentAlerted, outcome, channelRef);
    }
}
