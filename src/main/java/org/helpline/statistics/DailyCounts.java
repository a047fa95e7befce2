package org.helpline.statistics;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;

/**
 * One day's counters: {@code dimension:value → count}, e.g. {@code channel:call → 12}. Values that are not
 * plain codes count as {@code other}, so nothing a caller typed can become a counter's name.
 */
final class DailyCounts {
    static final String OTHER = "other";
    private static final Pattern CODE = Pattern.compile("[a-z0-9_]{1,40}");

    private final LocalDate day;
    private final Map<String, Long> counts = new TreeMap<>();

    DailyCounts(LocalDate day) {
        this.day = day;
    }

    LocalDate day() {
        return day;
    }

    void add(String dimension, String value) {
        String code = value != null && CODE.matcher(value).matches() ? value : OTHER;
        counts.merge(dimension + ":" + code, 1L, Long::sum);
    }

    Map<String, Long> counts() {
        return java.util.Collections.unmodifiableMap(counts);
    }

    String toJson() {
        JsonObject json = new JsonObject();
        counts.forEach(json::put);
        return json.encode();
    }

    static DailyCounts fromJson(LocalDate day, String json) {
        DailyCounts read = new DailyCounts(day);
        if (json != null) {
            new JsonObject(json).forEach(entry -> read.counts.put(entry.getKey(), ((Number) entry.getValue()).longValue()));
        }
        return read;
    }

    /** Rows of {@code date,dimension,value,count}. */
    void appendCsv(StringBuilder csv) {
        counts.forEach((key, count) -> {
            int colon = key.indexOf(':');
            csv.append(day).append(',').append(key, 0, colon).append(',').append(key.substring(colon + 1))
                    .append(',').append(count).append('\n');
        });
    }
}
