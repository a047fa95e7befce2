package org.helpline.privacy;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every sweep of the things that have a retention period, every {@code every}: the store's expired
 * values (what the memory store has no Redis to expire), referral records past their retention. Each sweep
 * answers how many things it removed.
 */
public final class RetentionSweeper extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweeper.class);

    private final Duration every;
    private final List<Sweep> sweeps;
    private long timer = -1;

    /** @param run answers how many things it removed */
    public record Sweep(String name, Supplier<Future<Integer>> run) {}

    public RetentionSweeper(Duration every, List<Sweep> sweeps) {
        this.every = every;
        this.sweeps = List.copyOf(sweeps);
    }

    @Override
    public Future<?> start() {
        timer = vertx.setPeriodic(every.toMillis(), id -> sweepNow());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return Future.succeededFuture();
    }

    /** Every sweep once; a failed one is logged and the others still run. Answers what each removed. */
    public Future<Map<String, Integer>> sweepNow() {
        Map<String, Future<Integer>> runs = new LinkedHashMap<>();
        for (Sweep sweep : sweeps) {
            Future<Integer> run;
            try {
                run = sweep.run().get();
            } catch (RuntimeException e) {
                run = Future.failedFuture(e);
            }
            runs.put(sweep.name(), run.onFailure(e -> LOG.warn("retention.sweep.failed sweep={} reason={}", sweep.name(),
                    e.getClass().getSimpleName())));
        }
        return Future.join(List.copyOf(runs.values())).transform(done -> {
            Map<String, Integer> removed = new LinkedHashMap<>();
            runs.forEach((name, run) -> removed.put(name, run.succeeded() ? run.result() : -1));
            if (removed.values().stream().anyMatch(n -> n > 0)) {
                LOG.info("retention.swept {}", removed.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .reduce((a, b) -> a + " " + b).orElse(""));
            }
            return Future.succeededFuture(removed);
        });
    }
}
