package org.helpline.web;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.helpline.leadership.Role;
import org.helpline.leadership.Standing;

/**
 * {@code /health}: each dependency with a reason when down; overall UP, DEGRADED (a non-essential
 * dependency is down: answered 200) or DOWN (503). {@code /ready}: 200 once the server takes contacts, and only
 * while it is the active one. Both say the server's role and since when.
 */
final class HealthRoutes {
    private final List<HealthCheck> checks;
    private final BooleanSupplier started;
    private final Supplier<Standing> standing;

    HealthRoutes(List<HealthCheck> checks, BooleanSupplier started, Supplier<Standing> standing) {
        this.checks = List.copyOf(checks);
        this.started = started;
        this.standing = standing;
    }

    void mount(Router router) {
        router.get("/health").handler(this::health);
        router.get("/ready").handler(this::ready);
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
        String overall = essentialDown ? "DOWN" : anyDown ? "DEGRADED" : "UP";
        reply(context, essentialDown ? 503 : 200, withRole(new JsonObject().put("status", overall)
                .put("dependencies", dependencies)));
    }

    private void ready(RoutingContext context) {
        boolean essentialUp = checks.stream().filter(HealthCheck::essential).allMatch(c -> c.status().get().up());
        boolean ready = started.getAsBoolean() && essentialUp && standing.get().role() == Role.ACTIVE;
        reply(context, ready ? 200 : 503, withRole(new JsonObject().put("ready", ready)));
    }

    private JsonObject withRole(JsonObject body) {
        Standing now = standing.get();
        return body.put("role", now.role().label()).put("roleSince", now.since().toString());
    }

    private static void reply(RoutingContext context, int status, JsonObject body) {
        context.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(body.encode());
    }
}
