package org.helpline.web;

import java.util.List;
import java.util.Locale;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.helpline.config.ReferralConfig;
import org.helpline.privacy.Audit;
import org.helpline.referral.InvalidReferral;
import org.helpline.referral.ReferralDesk;
import org.helpline.referral.ReferralsUnavailable;
import org.helpline.web.auth.AccessControl;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/referrals}: an operator opens a referral (or a third party's notification) and gets the decision with
 * its reasons; operators see
 * the status of the referrals they made, supervisors all statuses; a supervisor erases one by reference (a
 * data-subject request). No answer ever carries a referral's content. Supervisors' views and erasures are
 * audited.
 */
public final class ReferralRoutes {
    public static final String BASE = "/api/referrals";
    static final long BODY_LIMIT = 8 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ReferralRoutes.class);

    private final ReferralDesk desk;
    private final ReferralConfig config;
    private final AccessControl access;

    /** @param desk null when referrals are switched off: every route but the form then answers 503 */
    public ReferralRoutes(ReferralDesk desk, ReferralConfig config, AccessControl access) {
        this.desk = desk;
        this.config = config;
        this.access = access;
    }

    public void mount(Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(BODY_LIMIT);
        router.get(BASE + "/form").handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR)).handler(this::form);
        router.post(BASE).handler(body).handler(access.requireRole(Role.OPERATOR)).handler(this::open)
                .failureHandler(this::failed);
        router.get(BASE).handler(access.requireRole(Role.OPERATOR, Role.SUPERVISOR)).handler(this::list);
        router.delete(BASE + "/:reference").handler(access.requireRole(Role.SUPERVISOR)).handler(this::erase);
    }

    /** What the console needs to build the form: the choices the server accepts. */
    private void form(RoutingContext context) {
        send(context, 200, new JsonObject()
                .put("enabled", desk != null)
                .put("bases", new JsonArray(List.of("indicators", "self_identified", "third_party")))
                .put("ages", new JsonArray(List.of("adult", "minor", "unknown")))
                .put("kinds", new JsonArray(config.kinds()))
                .put("counties", counties())
                .put("urgencies", new JsonArray(List.of("immediate_danger", "urgent", "normal")))
                .put("needs", new JsonArray(config.needs()))
                .put("consentExplains", new JsonArray(config.consentExplains()))
                .put("reachWays", new JsonArray(List.of("phone", "email", "messaging", "other")))
                .put("summaryMaxLength", config.summaryMaxLength()));
    }

    /** Romania's counties as {code, name}, in the order of their names (the one list: ReferralConfig.COUNTY_NAMES). */
    private static JsonArray counties() {
        java.text.Collator romanian = java.text.Collator.getInstance(Locale.forLanguageTag("ro"));
        JsonArray list = new JsonArray();
        ReferralConfig.COUNTY_NAMES.entrySet().stream().sorted((a, b) -> romanian.compare(a.getValue(), b.getValue()))
                .forEach(e -> list.add(new JsonObject().put("code", e.getKey()).put("name", e.getValue())));
        return list;
    }

    private void open(RoutingContext context) {
        if (refusedWhenOff(context)) {
            return;
        }
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            ErrorReply.send(context, 415, "not_json", "send the referral as application/json");
            return;
        }
        JsonObject body;
        try {
            body = context.body().asJsonObject();
        } catch (DecodeException | ClassCastException e) {
            body = null;
        }
        if (body == null) {
            ErrorReply.send(context, 400, "bad_json", "the body is not a JSON object");
            return;
        }
        Account operator = AccessControl.of(context);
        desk.open(body, operator.name())
                .onSuccess(opened -> send(context, opened.referred() ? 201 : 200, opened.toJson()))
                .onFailure(failure -> refuse(context, failure));
    }

    private void list(RoutingContext context) {
        if (refusedWhenOff(context)) {
            return;
        }
        Account account = AccessControl.of(context);
        boolean supervisor = account.role() == Role.SUPERVISOR;
        desk.statuses(supervisor ? null : account.name())
                .onSuccess(statuses -> {
                    if (supervisor) {
                        Audit.record(account.name(), "viewed", "referral_statuses", "count=" + statuses.size());
                    }
                    send(context, 200, new JsonObject().put("referrals", new JsonArray(statuses)));
                })
                .onFailure(failure -> refuse(context, failure));
    }

    private void erase(RoutingContext context) {
        if (refusedWhenOff(context)) {
            return;
        }
        String reference = context.pathParam("reference").toUpperCase(Locale.ROOT);
        if (!ReferralDesk.isReference(reference)) {
            ErrorReply.send(context, 404, "unknown_referral", "no referral with this reference");
            return;
        }
        Account supervisor = AccessControl.of(context);
        desk.erase(reference)
                .onSuccess(existed -> {
                    if (!existed) {
                        ErrorReply.send(context, 404, "unknown_referral", "no referral with this reference (it may have been erased or expired)");
                        return;
                    }
                    Audit.record(supervisor.name(), "erased", "referral", "reference=" + reference);
                    context.response().putHeader(HttpHeaders.CACHE_CONTROL, "no-store").setStatusCode(204).end();
                })
                .onFailure(failure -> refuse(context, failure));
    }

    private boolean refusedWhenOff(RoutingContext context) {
        if (desk == null) {
            ErrorReply.send(context, 503, "referrals_off", "referrals are switched off (referral.enabled: false)");
            return true;
        }
        return false;
    }

    private static void refuse(RoutingContext context, Throwable failure) {
        switch (failure) {
            case InvalidReferral invalid -> send(context, 400, ErrorReply.of(invalid.code(), invalid.getMessage()).put("field", invalid.field()));
            case ReferralsUnavailable unavailable -> ErrorReply.send(context, 503, unavailable.code(), unavailable.getMessage());
            default -> {
                LOG.error("referral.api.failed path={} failure={}", context.request().path(), failure.getClass().getName());
                ErrorReply.send(context, 500, "internal", "the server could not handle this request");
            }
        }
    }

    private void failed(RoutingContext context) {
        if (context.statusCode() == 413) {
            ErrorReply.send(context, 413, "too_large", "a referral request may have at most " + BODY_LIMIT + " bytes");
        } else if (context.failure() != null) {
            refuse(context, context.failure());
        } else {
            ErrorReply.send(context, context.statusCode() >= 400 ? context.statusCode() : 400, "bad_request",
                    "the request could not be read");
        }
    }

    private static void send(RoutingContext context, int status, JsonObject body) {
        context.response()
                .setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                .end(body.encode());
    }
}
