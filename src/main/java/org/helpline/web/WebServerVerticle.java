package org.helpline.web;

import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;
import org.helpline.chat.ChatRoom;
import org.helpline.chat.ChatRoutes;
import org.helpline.config.HelplineConfig;
import org.helpline.console.OperatorConsole;
import org.helpline.guidance.GuidanceLibrary;
import org.helpline.leadership.Standing;
import org.helpline.store.HelplineStore;
import org.helpline.supervision.QueueMetrics;
import org.helpline.supervision.SupervisorRoom;
import org.helpline.supervision.ViewSettings;
import org.helpline.web.auth.AccessControl;
import org.helpline.web.auth.Authentication;
import org.helpline.web.auth.MonitoringAccess;
import org.helpline.web.auth.Role;
import org.helpline.wire.FrameGuard;
import org.helpline.wire.JsonSocket;
import org.helpline.wire.SocketLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: health, readiness, metrics, accounts, the operator socket and the callers' chat. One instance
 * serves every connection, so the consoles of one operator all live in one {@link OperatorConsole}.
 * It is deployed before the dispatch so that it hears the contacts and operators a restart restores.
 */
public final class WebServerVerticle extends VerticleBase {
    /** Room for a transfer's hand-over: the case (16 KB at most) and a note with it. */
    private static final SocketLimits OPERATOR_LIMITS = new SocketLimits(24 * 1024, 20, 10, 10);
    private static final SocketLimits SUPERVISOR_LIMITS = new SocketLimits(4 * 1024, 20, 10, 10);
    private static final Logger LOG = LoggerFactory.getLogger(WebServerVerticle.class);

    private final HelplineConfig config;
    private final Clock clock;
    private final PrometheusMeterRegistry metrics;
    private final List<HealthCheck> checks;
    private final Authentication auth;
    private final HelplineStore store;
    private final List<java.util.function.Consumer<Router>> moreRoutes = new java.util.ArrayList<>();
    private HttpServer server;
    private volatile boolean takingContacts;
    private Supplier<Standing> standing;
    private GuidanceLibrary preloadedGuidance;

    public WebServerVerticle(HelplineConfig config, Clock clock, PrometheusMeterRegistry metrics,
                             List<HealthCheck> checks, Authentication auth, HelplineStore store) {
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.checks = List.copyOf(checks);
        this.auth = auth;
        this.store = store;
        Standing alone = Standing.alone(clock.instant());
        this.standing = () -> alone;
    }

    /** Guidance a standby read before it took over, instead of reading the folder now; call before deploying. */
    public WebServerVerticle guidance(GuidanceLibrary preloaded) {
        this.preloadedGuidance = preloaded;
        return this;
    }

    /** The role /health and /ready report (two servers); call before deploying. */
    public WebServerVerticle standing(Supplier<Standing> standing) {
        this.standing = standing;
        return this;
    }

    @Override
    public Future<?> start() {
        OperatorConsole console = new OperatorConsole(vertx, clock, config.routing().outcomes(), OPERATOR_LIMITS,
                config.routing().disconnectGrace());
        QueueMetrics queueMetrics = new QueueMetrics(metrics, clock, config.languages());
        SupervisorRoom supervisors = new SupervisorRoom(vertx, clock, supervision(), SUPERVISOR_LIMITS, metrics);
        Router router = Router.router(vertx);
        router.route().handler(WebServerVerticle::securityHeaders);
        new HealthRoutes(checks, () -> takingContacts, standing, metrics,
                MonitoringAccess.of(config.http().metricsToken(), auth.sessions())).mount(router);
        auth.mount(router);
        GuidanceRoutes guidance = new GuidanceRoutes(vertx, clock, config.guidance(), auth.access());
        ChatRoom chat = new ChatRoom(vertx, clock, config.chat(), config.languages(),
                config.telephony().openingHours().hours(), store, config.store().usesRedis(), guidance::helplineNumbers);
        new ChatRoutes(chat, config.chat(), config.http().publicUrl()).mount(router);
        router.get("/operator/ws").handler(auth.access().requireRole(Role.OPERATOR)).handler(ctx -> {
            int chatCapacity = config.routing().chatCapacity();
            var account = AccessControl.of(ctx);
            var profile = account.profile(chatCapacity);
            FrameGuard.upgrade(ctx.request()).onSuccess(ws -> console.attach(ws, profile, account.displayName()));
        });
        router.get("/supervisor/ws").handler(auth.access().requireRole(Role.SUPERVISOR, Role.WALLBOARD)).handler(ctx -> {
            var account = AccessControl.of(ctx);
            boolean watchOnly = account.role() == Role.WALLBOARD;
            FrameGuard.upgrade(ctx.request())
                    .onSuccess(ws -> supervisors.attach(ws, account.name(), account.displayName(), account.endpoint(), watchOnly));
        });
        // The start page leads operators, supervisors and callers to their pages.
        router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .sendFile("webroot/index.html"));
        if (config.telephony().enabled() && config.telephony().browserPhone().enabled()) {
            // the browser phone of the console and of the supervisor view talks SIP to Asterisk's WebSocket, and to nothing else
            String phone = config.telephony().browserPhone().webSocketOrigin();
            for (String page : List.of("/console/*", "/supervisor/*")) {
                router.route(page).handler(ctx -> {
                    ctx.response().putHeader("Content-Security-Policy",
                            "default-src 'self'; connect-src 'self' " + phone + "; frame-ancestors 'none'");
                    ctx.next();
                });
            }
        }
        router.get("/supervisor").handler(ctx -> {
            if (ctx.request().path().endsWith("/")) {
                ctx.next(); // Vert.x matches "/supervisor/" here too
            } else {
                ctx.redirect("/supervisor/");
            }
        });
        router.route("/supervisor/*").handler(StaticHandler.create("webroot/supervisor").setCachingEnabled(false)
                .setDirectoryListing(false).setIncludeHidden(false));
        guidance.mount(router);
        router.route("/console/*").handler(StaticHandler.create("webroot/console").setCachingEnabled(false)
                .setDirectoryListing(false).setIncludeHidden(false));
        // Modules and base CSS both the console and the supervisor view load.
        router.route("/common/*").handler(StaticHandler.create("webroot/common").setCachingEnabled(false)
                .setDirectoryListing(false).setIncludeHidden(false));
        moreRoutes.forEach(routes -> routes.accept(router));
        router.route("/api/*").handler(ctx -> ErrorReply.send(ctx, 404, "not_found", "no such API: " + ctx.request().path()));
        router.errorHandler(500, WebServerVerticle::internalError);
        HttpServerOptions options = new HttpServerOptions()
                .setHost(config.http().host())
                .setPort(config.http().port())
                .setMaxWebSocketMessageSize(JsonSocket.MAX_MESSAGE_BYTES)
                .setMaxWebSocketFrameSize(JsonSocket.MAX_MESSAGE_BYTES)
                // Short JSON messages gain nothing from deflate, and each socket's compressor and inflater
                // held over 100 KB of native memory; without extensions any RSV bit is a protocol error (1002).
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false);
        return console.start()
                .compose(v -> guidance.start(preloadedGuidance))
                .compose(v -> chat.start())
                .compose(v -> queueMetrics.start(vertx))
                .compose(v -> supervisors.start())
                .compose(v -> vertx.createHttpServer(options).requestHandler(router).listen())
                .onSuccess(listening -> {
                    server = listening;
                    LOG.info("http.listening port={}", listening.actualPort());
                });
    }

    private ViewSettings supervision() {
        var settings = config.supervision();
        return new ViewSettings(settings.serviceLevelThreshold(), settings.longestWaitAlert(), settings.updateInterval(),
                config.telephony().openingHours().hours(), config.languages());
    }

    /** Routes of rooms the server starts outside this verticle (referrals, statistics); call before deploying. */
    public WebServerVerticle mount(java.util.function.Consumer<Router> routes) {
        moreRoutes.add(routes);
        return this;
    }

    /** Called once the dispatch runs: from now on /ready says yes. */
    public void takingContacts() {
        takingContacts = true;
    }

    public int port() {
        return server.actualPort();
    }

    private static void securityHeaders(RoutingContext context) {
        context.response()
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
        context.next();
    }

    private static void internalError(RoutingContext context) {
        // The exception's class only: a message could quote what a client sent.
        LOG.error("http.failed path={} failure={}", context.request().path(),
                context.failure() == null ? "unknown" : context.failure().getClass().getName());
        ErrorReply.send(context, 500, "internal", "the server could not handle this request");
    }
}
