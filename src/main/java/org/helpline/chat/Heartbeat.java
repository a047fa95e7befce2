package org.helpline.chat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Pings every caller connection once per heartbeat interval, a slice at a time: connections are dealt into
 * {@link #SLICES} slices as they come, and each {@link #tick()} (SLICES an interval) visits one slice, so
 * thousands of sockets never stall an open conversation in one long tick.
 */
final class Heartbeat<T> {
    /** Ticks per interval; each visits about 1/SLICES of the connections. */
    static final int SLICES = 20;

    private final Predicate<T> beat;
    private final List<Set<T>> slices = new ArrayList<>();
    private int dealt;
    private int turn;

    /** @param beat pings one connection; false once it is gone, so it is dropped */
    Heartbeat(Predicate<T> beat) {
        this.beat = beat;
        for (int i = 0; i < SLICES; i++) {
            slices.add(new LinkedHashSet<>());
        }
    }

    void add(T member) {
        slices.get(dealt++ % SLICES).add(member);
        dealt %= SLICES;
    }

    void remove(T member) {
        for (Set<T> slice : slices) {
            if (slice.remove(member)) {
                return;
            }
        }
    }

    int size() {
        return slices.stream().mapToInt(Set::size).sum();
    }

    /** Visits the next slice; a connection that is gone leaves it. */
    void tick() {
        slices.get(turn).removeIf(member -> !beat.test(member));
        turn = (turn + 1) % SLICES;
    }
}
