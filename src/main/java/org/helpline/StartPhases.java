package org.helpline;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a server's start goes: one log line per phase with its duration ({@code takeover.phase phase=state ms=42}),
 * so that a slow takeover shows which part was slow (TakeoverBenchmark reads these lines). Names and times only.
 * Phases run one after another (a chain of futures), never at once.
 */
final class StartPhases {
    private static final Logger LOG = LoggerFactory.getLogger(StartPhases.class);

    private final String what;
    private long mark = System.nanoTime();

    /** @param what "start" for a lone server, "takeover" for a term among two servers */
    StartPhases(String what) {
        this.what = what;
    }

    /** The phase that began at the previous one's end has ended now. */
    void ended(String phase) {
        long now = System.nanoTime();
        LOG.info("{}.phase phase={} ms={}", what, phase, (now - mark) / 1_000_000);
        mark = now;
    }
}
