package org.helpline.core;

import java.util.SortedMap;

/**
 * A queued contact's place in the queue's order: URGENT first, then arrival order. The router orders its
 * queue by it; a room that follows the queue through events orders its copy the same way.
 */
public record QueueKey(int rank, long sequence) implements Comparable<QueueKey> {
    public static QueueKey of(Contact contact) {
        return new QueueKey(contact.priority() == Priority.URGENT ? 0 : 1, contact.sequence());
    }

    /** Where a contact stands in a queue ordered by this key: 1 is next (or being offered now), 0 once it no longer waits. */
    public static int position(Contact contact, SortedMap<QueueKey, ?> queued) {
        if (!contact.state().isWaiting()) {
            return 0;
        }
        return contact.state() == ContactState.OFFERED ? 1 : queued.headMap(of(contact)).size() + 1;
    }

    @Override
    public int compareTo(QueueKey other) {
        int byRank = Integer.compare(rank, other.rank);
        return byRank != 0 ? byRank : Long.compare(sequence, other.sequence);
    }
}
