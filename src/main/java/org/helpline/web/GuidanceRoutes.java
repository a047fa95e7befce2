package org.helpline.web;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.helpline.config.GuidanceConfig;
import org.helpline.guidance.AbroadEntries;
import org.helpline.guidance.Country;
import org.helpline.guidance.Guidance;
import org.helpline.guidance.GuidanceJson;
import org.helpline.guidance.GuidanceLibrary;
import org.helpline.guidance.InvalidGuidance;
import org.helpline.guidance.Problem;
import org.helpline.guidance.Recheck;
import org.helpline.guidance.RecheckRefused;
import org.helpline.supervision.AuditLog;
import org.helpline.web.auth.AccessControl;
import org.helpline.web.auth.Role;
import org.helpline.wire.BadRequest;
import org.helpline.wire.RequestFields;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/guidance/...}: the guided scripts, indicators, canned replies and exit options for the
 * operator console; for supervisors {@code POST /api/guidance/reload}, the entries due for a re-check
 * ({@code GET /api/guidance/rechecks}) and recording one ({@code POST .../countries/:code/options/:id/recheck},
 * written into the country file, or once into abroad.yaml for an entry every country shows, and the audit
 * log). The folder is read when the server starts (a problem stops start-up) and looked at again every
 * {@code guidance.checkEvery}; an edit that does not pass the checks is logged with its reason and the last
 * good guidance stays in use.
 */
final class GuidanceRoutes {
    private static final Logger LOG = LoggerFactory.getLogger(GuidanceRoutes.class);

    private static final int BODY_LIMIT = 4096;

    private final Vertx vertx;
    private final Clock clock;
    private final GuidanceConfig config;
    private final AccessControl access;
    private final AuditLog audit;
    private volatile GuidanceLibrary library;

    GuidanceRoutes(Vertx vertx, Clock clock, GuidanceConfig config, AccessControl access) {
        this.vertx = vertx;
        this.clock = clock;
        this.config = config;
        this.access = access;
        this.audit = new AuditLog(clock);
    }

    /**
     * The helpline's numbers for callers' pages, from the directory: {@code {"fromRomania": {"phone", "verified"}, ...}};
     * a number not confirmed yet says so there too. Empty until the guidance is read.
     */
    JsonObject helplineNumbers() {
        JsonObject lines = new JsonObject();
        if (library != null) {
            library.current().helplineLines().forEach((name, entry) -> lines.put(name, new JsonObject()
                    .put("phone", entry.phone()).put("verified", Boolean.TRUE.equals(entry.verified()))));
        }
        return lines;
    }

    /**
     * Reads the folder (failing with every problem in it) and starts watching it; or, given the library a standby
     * read before its takeover, uses that at once and looks for changes made since as its first check.
     */
    Future<Void> start(GuidanceLibrary preloaded) {
        if (preloaded != null) {
            library = preloaded;
            checkForChanges();
            vertx.setPeriodic(config.checkEvery().toMillis(), id -> checkForChanges());
            return Future.succeededFuture();
        }
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
        router.get(base + "/rechecks").handler(access.requireRole(Role.SUPERVISOR)).handler(ctx -> {
            long days = config.recheckAfter().toDays();
            send(ctx, GuidanceJson.rechecks(guidance(), today().minusDays(days), days));
        });
        router.post(base + "/countries/:code/options/:id/recheck").handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT))
                .handler(access.requireRole(Role.SUPERVISOR)).handler(this::recheck);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }

    /** A supervisor's re-check of one entry: {@code {"result": "confirmed"|"not_confirmed", "source"?, "sourceType"?}}. */
    private void recheck(RoutingContext context) {
        String supervisor = AccessControl.of(context).name();
        String code = context.pathParam("code").toUpperCase(Locale.ROOT);
        String id = context.pathParam("id");
        Recheck recheck;
        try {
            JsonObject body = context.body().asJsonObject();
            if (body == null) {
                throw new BadRequest("bad_json", "send a JSON object such as {\"result\": \"confirmed\"}");
            }
            String result = RequestFields.text(body, "result");
            if (!result.equals("confirmed") && !result.equals("not_confirmed")) {
                throw new BadRequest("bad_request", "\"result\" must be confirmed or not_confirmed");
            }
            String source = RequestFields.optionalText(body, "source");
            String sourceType = RequestFields.optionalText(body, "sourceType");
            if (sourceType != null && !Country.ExitOption.SOURCE_TYPES.contains(sourceType)) {
                throw new BadRequest("bad_request", "\"sourceType\" must be one of " + String.join(", ", Country.ExitOption.SOURCE_TYPES));
            }
            if (source != null && (source.isBlank() || source.contains("\n"))) {
                throw new BadRequest("bad_request", "\"source\" must be one line naming what was checked");
            }
            if ((source == null) != (sourceType == null)) {
                throw new BadRequest("bad_request", "give \"source\" and \"sourceType\" together");
            }
            recheck = new Recheck(code, id, result.equals("confirmed"), source, sourceType, today(), supervisor);
        } catch (BadRequest refused) {
            ErrorReply.send(context, 400, refused.code(), refused.getMessage());
            return;
        } catch (DecodeException | ClassCastException e) {
            ErrorReply.send(context, 400, "bad_json", "the body is not a JSON object");
            return;
        }
        Map<String, String> target = new LinkedHashMap<>();
        target.put("country", code);
        target.put("option", id);
        if (guidance().sharedEntry(code, id).isPresent()) {
            target.put("shared", AbroadEntries.FILE); // one edit, which every country shows
        }
        target.put("found", recheck.confirmed() ? "confirmed" : "not_confirmed");
        vertx.executeBlocking(() -> library.recheck(recheck), false).onComplete(done -> {
            if (done.succeeded()) {
                audit.record(supervisor, "exit_option_rechecked", target, "ok");
                LOG.info("guidance.rechecked country={} option={} version={}", code, id, done.result().version());
                send(context, GuidanceJson.country(done.result().country(code).orElseThrow()));
            } else if (done.cause() instanceof RecheckRefused refused) {
                audit.record(supervisor, "exit_option_rechecked", target, refused.code());
                ErrorReply.send(context, refused.code().equals(RecheckRefused.NOT_FOUND) ? 404 : 422, refused.code(), refused.getMessage());
            } else if (done.cause() instanceof InvalidGuidance invalid) {
                audit.record(supervisor, "exit_option_rechecked", target, "invalid_guidance");
                ErrorReply.send(context, 422, "invalid_guidance", "the re-check was not kept, the guidance folder has a problem: "
                        + invalid.problems().getFirst());
            } else {
                audit.record(supervisor, "exit_option_rechecked", target, "failed");
                LOG.warn("guidance.recheck.failed failure={}", done.cause().getClass().getName());
                ErrorReply.send(context, 500, "internal", "the re-check could not be written");
            }
        });
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
