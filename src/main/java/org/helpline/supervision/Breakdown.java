package org.helpline.supervision;

import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

import org.helpline.core.Channel;

/** Figures for one span of time, per channel and per language (a contact counts once in each). */
final class Breakdown {
    private final Map<Channel, Tally> byChannel = new EnumMap<>(Channel.class);
    private final Map<String, Tally> byLanguage = new TreeMap<>();

    void add(Counted counted) {
        byChannel.merge(counted.channel(), Tally.EMPTY.with(counted), (now, step) -> now.with(counted));
        byLanguage.merge(counted.language(), Tally.EMPTY.with(counted), (now, step) -> now.with(counted));
    }

    /** Adds another span's figures to these. */
    void addAll(Breakdown other) {
        other.byChannel.forEach((channel, tally) -> byChannel.merge(channel, tally, Tally::plus));
        other.byLanguage.forEach((language, tally) -> byLanguage.merge(language, tally, Tally::plus));
    }

    Tally of(Channel channel) {
        return byChannel.getOrDefault(channel, Tally.EMPTY);
    }

    /** Every language that had a contact in this span, in alphabetical order. */
    Map<String, Tally> byLanguage() {
        return byLanguage;
    }

    Tally all() {
        Tally sum = Tally.EMPTY;
        for (Tally tally : byChannel.values()) {
            sum = sum.plus(tally);
        }
        return sum;
    }

    void clear() {
        byChannel.clear();
        byLanguage.clear();
    }
}
