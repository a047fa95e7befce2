package org.helpline.web;

import java.util.List;
import java.util.function.Supplier;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import org.helpline.config.HttpConfig;
import org.helpline.leadership.Standing;
import org.helpline.web.auth.MonitoringAccess;

/**
 * What a standby server answers on the HTTP port: {@code /health} with its role (its details and {@code /metrics}
 * only to the monitoring token: a standby has no sessions to check), {@code /ready} 503 (a load balancer sends
 * nobody here), and 503 "standby" to everything else, so a client that reached it anyway tries again and lands
 * on the active server. It holds the port only while standing by: it is closed before a takeover opens the
 * full server there.
 */
public final class StandbyWebServer extends VerticleBase {
    private final HttpConfig http;
    private final Supplier<Standing> standing;
    private final List<HealthCheck> checks;
    private final PrometheusMeterRegistry metrics;
    private HttpServer server;

    public StandbyWebServer(HttpConfig http, Supplier<Standing> standing, List<HealthCheck> checks,
                            PrometheusMeterRegistry metrics) {
        this.http = http;
        this.standing = standing;
        this.checks = List.copyOf(checks);
        this.metrics = metrics;
    }

    @Override
    public Future<?> start() {
        Router router = Router.router(vertx);
        new HealthRoutes(checks, () -> false, standing, metrics, MonitoringAccess.tokenOnly(http.metricsToken())).mount(router);
        router.route().handler(ctx -> {
            ctx.response().putHeader("Retry-After", "1");
            ErrorReply.send(ctx, 503, "standby", "this server is standing by; the active one serves (try again)");
        });
        return vertx.createHttpServer(new HttpServerOptions().setHost(http.host()).setPort(http.port()))
                .requestHandler(router).listen()
                .onSuccess(listening -> server = listening);
    }

    public int port() {
        return server.actualPort();
    }
}
