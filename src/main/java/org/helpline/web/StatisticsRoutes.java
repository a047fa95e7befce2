package org.helpline.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.helpline.privacy.Audit;
import org.helpline.statistics.Statistics;
import org.helpline.web.auth.AccessControl;
import org.helpline.web.auth.Role;

/** {@code GET /api/statistics.csv?from=YYYY-MM-DD&to=YYYY-MM-DD}: the anonymous daily counters, for supervisors; audited. */
public final class StatisticsRoutes {
    public static final String CSV = "/api/statistics.csv";

    private final Statistics statistics;
    private final AccessControl access;

    public StatisticsRoutes(Statistics statistics, AccessControl access) {
        this.statistics = statistics;
        this.access = access;
    }

    public void mount(Router router) {
        router.get(CSV).handler(access.requireRole(Role.SUPERVISOR)).handler(this::export);
    }

    private void export(RoutingContext context) {
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(context.queryParams().get("from"));
            to = LocalDate.parse(context.queryParams().get("to"));
        } catch (DateTimeParseException | NullPointerException e) {
            ErrorReply.send(context, 400, "bad_request", "give from and to as dates, e.g. ?from=2026-11-01&to=2026-11-30");
            return;
        }
        if (to.isBefore(from) || from.plusDays(Statistics.MAX_DAYS).isBefore(to)) {
            ErrorReply.send(context, 400, "bad_range", "from must not be after to, and at most " + Statistics.MAX_DAYS + " days apart");
            return;
        }
        String supervisor = AccessControl.of(context).name();
        statistics.csv(from, to)
                .onSuccess(csv -> {
                    Audit.record(supervisor, "exported", "statistics", "from=" + from + " to=" + to);
                    context.response()
                            .putHeader(HttpHeaders.CONTENT_TYPE, "text/csv; charset=utf-8")
                            .putHeader("Content-Disposition", "attachment; filename=\"helpline-statistics-" + from + "-" + to + ".csv\"")
                            .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                            .end(csv);
                })
                .onFailure(failure -> ErrorReply.send(context, 503, "unavailable", "the statistics could not be read; try again"));
    }
}
