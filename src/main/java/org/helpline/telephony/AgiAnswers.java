package org.helpline.telephony;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the FastAGI scripts told the dialplan, counted for /metrics as
 * {@code helpline_agi_answers_total{script, answer}}: a rise in {@code fallback} or {@code closed} is calls
 * the server did not queue. Counts only, never anything about a caller.
 */
final class AgiAnswers {
    /** Answers that send the call to the dialplan's fallback queue: around the consoles. */
    private static final Set<String> AROUND_THE_CONSOLES = Set.of("inbound/" + DialplanVariables.FALLBACK,
            "position/" + DialplanVariables.GONE);

    /** The position script could not reach the dispatch: it told the dialplan nothing. */
    static final String NONE = "none";
    /** The duress script took a caller out (or found none yet): the dialplan ends the call. */
    static final String ENDED = "ended";

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private long fallbacks;
    private Instant lastFallback;

    AgiAnswers(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void record(String script, String answer) {
        String key = script + '/' + answer;
        counters.computeIfAbsent(key, k -> Counter.builder("helpline_agi_answers_total")
                .description("answers the FastAGI scripts gave the dialplan")
                .tags("script", script, "answer", answer).register(registry)).increment();
        if (AROUND_THE_CONSOLES.contains(key)) {
            synchronized (this) {
                fallbacks++;
                lastFallback = clock.instant();
            }
        }
    }

    /** Calls sent to the fallback queue since the start, and when the last one was (null: none). */
    record Fallbacks(long count, Instant last) {}

    synchronized Fallbacks fallbacks() {
        return new Fallbacks(fallbacks, lastFallback);
    }
}
