package org.helpline.web;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.helpline.leadership.Role;
import org.helpline.leadership.Standing;
import org.helpline.web.auth.MonitoringAccess;

/**
 * {@code /health}: overall UP, DEGRADED (a non-essential dependency is down: answered 200) or DOWN (503), and the
 * server's role, to anyone (load balancers, the standby's peers); to a supervisor or the monitoring token
 * ({@link MonitoringAccess}) also each dependency with the reason it is down and since when the server has its
 * role. {@code /ready}, to anyone: 200 once the server takes contacts, and only while it is the active one.
 * {@code /metrics}: Prometheus, to a supervisor or the monitoring token only.
 */
final class HealthRoutes {
    private final List<HealthCheck> checks;
    private final BooleanSupplier started;
    private final Supplier<Standing> standing;
    private final PrometheusMeterRegistry metrics;
    private final MonitoringAccess access;

    HealthRoutes(List<HealthCheck> checks, BooleanSupplier started, Supplier<Standing> standing,
                 PrometheusMeterRegistry metrics, MonitoringAccess access) {
        this.checks = List.copyOf(checks);
        this.started = started;
        this.standing = standing;
        this.metrics = metrics;
        this.access = access;
    }

    void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/ready").handler(this::ready);
        router.get("/metrics").handler(access.required()).handler(this::metrics);
    }

    private void health(RoutingContext context) {
        JsonObject dependencies = new JsonObject();
        boolean essentialDown = false;
        boolean anyDown = false;
        for (HealthCheck check : checks) {
            HealthCheck.Status status = check.status().get();
            JsonObject entry = new JsonObject().put("status", status.up() ? "UP" : "DOWN");
            if (!status.up()) {
                entry.put("reason", status.reason());
                anyDown = true;
                essentialDown |= check.essential();
            }
            dependencies.put(check.name(), entry);
        }
        int code = essentialDown ? 503 : 200;
        Standing now = standing.get();
        JsonObject overall = new JsonObject().put("status", essentialDown ? "DOWN" : anyDown ? "DEGRADED" : "UP")
                .put("role", now.role().label());
        // anyone else (a wrong token, an operator, a session the store cannot check now) gets the public answer
        access.check(context).onComplete(allowed -> reply(context, code, allowed.failed() ? overall
                : overall.put("dependencies", dependencies).put("roleSince", now.since().toString())));
    }

    private void ready(RoutingContext context) {
        boolean essentialUp = checks.stream().filter(HealthCheck::essential).allMatch(c -> c.status().get().up());
        boolean ready = started.getAsBoolean() && essentialUp && standing.get().role() == Role.ACTIVE;
        reply(context, ready ? 200 : 503, new JsonObject().put("ready", ready).put("role", standing.get().role().label()));
    }

    private void metrics(RoutingContext context) {
        context.response()
                .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .end(metrics.scrape());
    }

    private static void reply(RoutingContext context, int status, JsonObject body) {
        context.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
