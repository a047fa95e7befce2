package org.helpline.telephony;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the FastAGI scripts told the dialplan, counted for /metrics as
 * {@code helpline_agi_answers_total{script, answer}}: a rise in {@code fallback} or {@code closed} is calls
 * the server did not queue. Counts only, never anything about a caller.
 */
final class AgiAnswers {
    /** The position script could not reach the dispatch: it told the dialplan nothing. */
    static final String NONE = "none";
    /** The duress script took a caller out (or found none yet): the dialplan ends the call. */
    static final String ENDED = "ended";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    AgiAnswers(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String script, String answer) {
        counters.computeIfAbsent(script + '/' + answer, key -> Counter.builder("helpline_agi_answers_total")
                .description("answers the FastAGI scripts gave the dialplan")
                .tags("script", script, "answer", answer).register(registry)).increment();
    }
}
