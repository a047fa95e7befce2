package org.helpline.leadership;

import java.time.Instant;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A server's role, since when, and the fencing number of its term (0 when it has none: a standby, or a
 * single server without leadership).
 */
public record Standing(Role role, Instant since, long fencingNumber) {

    /** A server alone (memory store, or Redis without leadership): active from its start. */
    public static Standing alone(Instant started) {
        return new Standing(Role.ACTIVE, started, 0);
    }

    /** {@code helpline_server_active} (1 or 0) and {@code helpline_server_role_since_seconds} for Prometheus. */
    public static void register(MeterRegistry metrics, Supplier<Standing> standing) {
        Gauge.builder("helpline_server_active", () -> standing.get().role() == Role.ACTIVE ? 1 : 0)
                .description("1 while this server is the active one (routes, answers Asterisk and the web)")
                .register(metrics);
        Gauge.builder("helpline_server_role_since_seconds", () -> standing.get().since().getEpochSecond())
                .description("when this server took its present role, in seconds since the epoch")
                .register(metrics);
    }
}
