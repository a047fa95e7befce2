package org.helpline.web;

import java.nio.file.Path;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.helpline.config.GuidanceConfig;
import org.helpline.guidance.Guidance;
import org.helpline.guidance.GuidanceJson;
import org.helpline.guidance.GuidanceLibrary;
import org.helpline.guidance.InvalidGuidance;
import org.helpline.guidance.Problem;
import org.helpline.web.auth.AccessControl;
import org.helpline.web.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/guidance/...}: the guided scripts, indicators, canned replies and exit options for the
 * operator console, and {@code POST /api/guidance/reload} for supervisors. The folder is read when the
 * server starts (a problem stops start-up) and looked at again every {@code guidance.checkEvery}; an edit
 * that does not pass the checks is logged with its reason and the last good guidance stays in use.
 */
final class GuidanceRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(GuidanceRoutes.class);

    private final Vertx vertx;
    private final GuidanceConfig config;
    private final AccessControl access;
    private volatile GuidanceLibrary library;

    GuidanceRoutes(Vertx vertx, GuidanceConfig config, AccessControl access) {
        this.vertx = vertx;
        this.config = config;
        this.access = access;
    }

    /** Reads the folder (failing with every problem in it) and starts watching it. */
    Future<Void> start() {
        Path directory = Path.of(config.directory());
        return vertx.executeBlocking(() -> GuidanceLibrary.open(directory), false)
                .onSuccess(opened -> {
                    library = opened;
                    LOG.info("guidance.loaded directory={} version={} scripts={} countries={}", directory,
                            opened.current().version(), opened.current().scripts().size(), opened.current().countries().size());
                    vertx.setPeriodic(config.checkEvery().toMillis(), id -> checkForChanges());
                })
                .mapEmpty();
    }

    void mount(Router router) {
        String base = "/api/guidance";
        router.get(base).handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR)).handler(ctx -> reply(ctx, GuidanceJson::bundle));
        router.get(base + "/scripts").handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR))
                .handler(ctx -> reply(ctx, GuidanceJson::scriptList));
        router.get(base + "/scripts/:id").handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR)).handler(ctx ->
                guidance().script(ctx.pathParam("id")).ifPresentOrElse(
                        script -> send(ctx, GuidanceJson.script(script)),
                        () -> ErrorReply.send(ctx, 404, "not_found", "no script '" + ctx.pathParam("id") + "'")));
        router.get(base + "/indicators").handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR))
                .handler(ctx -> reply(ctx, GuidanceJson::indicators));
        router.get(base + "/replies").handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR))
                .handler(ctx -> reply(ctx, GuidanceJson::replies));
        router.get(base + "/countries").handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR))
                .handler(ctx -> reply(ctx, GuidanceJson::countries));
        router.get(base + "/countries/:code").handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR)).handler(ctx ->
                guidance().country(ctx.pathParam("code")).ifPresentOrElse(
                        country -> send(ctx, GuidanceJson.country(country)),
                        () -> ErrorReply.send(ctx, 404, "not_found", "no exit options for country '" + ctx.pathParam("code") + "'")));
        router.post(base + "/reload").handler(access.requireRole(Role.SUPERVISOR)).handler(this::reload);
    }

    private Guidance guidance() {
        return library.current();
    }

    private void reload(RoutingContext context) {
        String account = AccessControl.of(context).name();
        vertx.executeBlocking(() -> library.reload(), false).onComplete(done -> {
            if (done.succeeded()) {
                Guidance fresh = done.result();
                LOG.info("guidance.reloaded by={} version={}", account, fresh.version());
                send(context, new JsonObject().put("version", fresh.version())
                        .put("scripts", fresh.scripts().size()).put("countries", fresh.countries().size()).encode());
            } else if (done.cause() instanceof InvalidGuidance invalid) {
                LOG.warn("guidance.reload.refused by={} keeping={} problems={}", account, guidance().version(), invalid.problems().size());
                context.response().setStatusCode(422).putHeader("Content-Type", "application/json")
                        .putHeader("Cache-Control", "no-store")
                        .end(ErrorReply.of("invalid_guidance", "the guidance was not changed: " + invalid.problems().getFirst())
                                .put("version", guidance().version())
                                .put("problems", new JsonArray(invalid.problems().stream().map(Problem::toString).toList()))
                                .encode());
            } else {
                LOG.warn("guidance.reload.failed by={} failure={}", account, done.cause().getClass().getName());
                ErrorReply.send(context, 500, "internal", "the guidance folder could not be read: " + done.cause().getMessage());
            }
        });
    }

    private void checkForChanges() {
        vertx.executeBlocking(() -> library.reloadIfChanged(), false).onComplete(done -> {
            if (done.succeeded()) {
                done.result().ifPresent(fresh -> LOG.info("guidance.reloaded by=file_change version={}", fresh.version()));
            } else if (done.cause() instanceof InvalidGuidance invalid) {
                invalid.problems().forEach(p -> LOG.warn("guidance.change.refused keeping={} problem=\"{}\"", guidance().version(), p));
            } else {
                LOG.warn("guidance.check.failed failure={}", done.cause().toString());
            }
        });
    }

    private void reply(RoutingContext context, Function<Guidance, String> json) {
        send(context, json.apply(guidance()));
    }

    private static void send(RoutingContext context, String json) {
        context.response().putHeader("Content-Type", "application/json; charset=utf-8")
                .putHeader("Cache-Control", "no-cache")
                .end(json);
    }
}
