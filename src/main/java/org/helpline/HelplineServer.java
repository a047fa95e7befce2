package org.helpline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.helpline.bus.CoreCodecs;
import org.helpline.config.HelplineConfig;
import org.helpline.core.Router;
import org.helpline.core.SourceAddress;
import org.helpline.dispatch.DispatchVerticle;
import org.helpline.guidance.GuidanceLibrary;
import org.helpline.leadership.Standing;
import org.helpline.store.HelplineStore;
import org.helpline.store.MemoryStore;
import org.helpline.store.RedisCompaction;
import org.helpline.store.RedisStore;
import org.helpline.store.StoreStatus;
import org.helpline.telephony.Telephony;
import org.helpline.telephony.TelephonyStatus;
import org.helpline.web.HealthCheck;
import org.helpline.web.WebServerVerticle;
import org.helpline.web.auth.AccountFile;
import org.helpline.web.auth.Authentication;
import org.helpline.web.auth.FirstRun;
import org.helpline.web.auth.PasswordHash;

/**
 * One running helpline: the store, the telephony gateway, the web server and the dispatch, started in
 * that order so that every room is listening before the dispatch announces what it restored.
 */
public final class HelplineServer {
    private final Vertx vertx;
    private final HelplineConfig config;
    private final Clock clock;
    private final HelplineStore store;
    private final Supplier<Standing> standing;
    private final List<String> deployments = new ArrayList<>();
    private Authentication authentication;
    private Telephony telephony;
    private WebServerVerticle web;
    private PrivacyRooms privacy;
    private RedisCompaction compaction;
    private FirstRun.Outcome firstRun = new FirstRun.Ready();
    private GuidanceLibrary guidance;

    private HelplineServer(Vertx vertx, HelplineConfig config, Clock clock, HelplineStore store,
                           Supplier<Standing> standing) {
        this.vertx = vertx;
        this.config = config;
        this.clock = clock;
        this.store = store;
        this.standing = standing;
    }

    /** The server alone: active from its start, its writes unfenced. */
    public static Future<HelplineServer> start(Vertx vertx, HelplineConfig config, Clock clock) {
        Standing alone = Standing.alone(clock.instant());
        return start(vertx, config, clock, () -> alone, 0, () -> {
        }, new StartPhases("start"), null);
    }

    /**
     * One term of the active server among two or more (see {@link HelplineNode}): every store write carries
     * {@code fencingNumber}, and {@code onRefused} runs when Redis refuses one because another server leads.
     * {@code guidance} is what the standby read before (null: read the folder now).
     */
    static Future<HelplineServer> start(Vertx vertx, HelplineConfig config, Clock clock, Supplier<Standing> standing,
                                        long fencingNumber, Runnable onRefused, StartPhases phases,
                                        GuidanceLibrary guidance) {
        CoreCodecs.register(vertx.eventBus());
        HelplineStore store;
        if (config.store().usesRedis()) {
            RedisStore redis = new RedisStore(vertx, config.store().redis(), clock, fencingNumber);
            redis.onRefused(onRefused);
            store = redis;
        } else {
            store = new MemoryStore(clock);
        }
        HelplineServer server = new HelplineServer(vertx, config, clock, store, standing);
        server.guidance = guidance;
        return server.deploy(server::prepareAccounts, phases).map(server).recover(failure ->
                server.stop().transform(stopped -> Future.failedFuture(failure)));
    }

    /**
     * A server for {@link Rehearsal} only: {@code offline} must keep it from reaching outside the process; it
     * reads the accounts but never prepares a first supervisor (that would change the file).
     */
    static Future<HelplineServer> rehearse(Vertx vertx, HelplineConfig offline, Clock clock) {
        CoreCodecs.register(vertx.eventBus());
        Standing alone = Standing.alone(clock.instant());
        HelplineServer server = new HelplineServer(vertx, offline, clock, new MemoryStore(clock), () -> alone);
        return server.deploy(() -> AccountFile.open(offline.auth()), new StartPhases("rehearsal")).map(server)
                .recover(failure -> server.stop().transform(stopped -> Future.failedFuture(failure)));
    }

    private Future<Void> deploy(Callable<AccountFile> accountFile, StartPhases phases) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Standing.register(metrics, standing);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        Router router = new Router(config.routing().rules(), clock);
        return vertx.executeBlocking(accountFile)
                .compose(accounts -> {
                    phases.ended("accounts");
                    authentication = Authentication.start(vertx, config.auth(), config.http().publicUrl(), accounts,
                            store, new SourceAddress(config.chat().trustedProxies()), clock);
                    return Telephony.start(vertx, config, clock, metrics);
                })
                .compose(started -> {
                    phases.ended("telephony");
                    telephony = started;
                    return PrivacyRooms.start(vertx, config, clock, store);
                })
                .compose(rooms -> {
                    phases.ended("privacy");
                    privacy = rooms;
                    deployments.addAll(rooms.deployments());
                    List<HealthCheck> checks = new ArrayList<>(List.of(
                            new HealthCheck("store", true, () -> health(store.status()))));
                    if (config.telephony().enabled()) {
                        checks.add(new HealthCheck("ami", false, () -> health(telephony.ami())));
                        checks.add(new HealthCheck("agi", false, () -> health(telephony.agi())));
                    }
                    web = new WebServerVerticle(config, clock, metrics, checks, authentication, store).standing(standing)
                            .guidance(guidance);
                    privacy.mount(web, authentication.access());
                    return vertx.deployVerticle(web);
                })
                .compose(this::remember)
                .compose(v -> {
                    phases.ended("web");
                    return vertx.deployVerticle(new DispatchVerticle(router, store, config.routing().tickInterval()));
                })
                .compose(this::remember)
                .onSuccess(v -> {
                    phases.ended("state");
                    web.takingContacts();
                    startCompaction();
                });
    }

    /** Only the server that writes compacts Redis's files: with two servers, the leader starts and stops this. */
    private void startCompaction() {
        if (config.store().usesRedis()) {
            compaction = new RedisCompaction(vertx, config.store().redis(), config.privacy().compactRedisEvery());
            compaction.start();
        }
    }

    /** Blocking: reads the account file and makes sure a first supervisor can log in. */
    private AccountFile prepareAccounts() {
        AccountFile accounts = AccountFile.open(config.auth());
        firstRun = FirstRun.prepare(accounts, new PasswordHash(config.auth().hashIterations()));
        return accounts;
    }

    private Future<Void> remember(String deploymentId) {
        deployments.add(deploymentId);
        return Future.succeededFuture();
    }

    private static HealthCheck.Status health(StoreStatus status) {
        return status.up() ? HealthCheck.Status.ok() : HealthCheck.Status.down(status.kind() + ": " + status.reason());
    }

    private static HealthCheck.Status health(TelephonyStatus status) {
        return status.up() ? HealthCheck.Status.ok() : HealthCheck.Status.down(status.reason());
    }

    public int httpPort() {
        return web.port();
    }

    /** What the person starting the server must know to log in the first time (printed, never logged). */
    public FirstRun.Outcome firstRun() {
        return firstRun;
    }

    /** Stops taking contacts, lets the store record what is pending, and closes it. */
    public Future<Void> stop() {
        if (compaction != null) {
            compaction.stop();
        }
        Future<Void> undeployed = Future.succeededFuture();
        for (String id : deployments.reversed()) {
            undeployed = undeployed.eventually(() -> vertx.undeploy(id));
        }
        deployments.clear();
        Future<Void> telephonyStopped = undeployed.eventually(() ->
                telephony == null ? Future.succeededFuture() : telephony.stop());
        Future<Void> authClosed = telephonyStopped.eventually(() ->
                authentication == null ? Future.succeededFuture() : authentication.close());
        return authClosed.eventually(store::close);
    }
}
