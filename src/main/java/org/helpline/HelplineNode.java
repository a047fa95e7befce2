package org.helpline;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.helpline.config.HelplineConfig;
import org.helpline.config.StoreConfig.LeadershipConfig;
import org.helpline.guidance.GuidanceLibrary;
import org.helpline.leadership.Duty;
import org.helpline.leadership.Lease;
import org.helpline.leadership.LeaseTiming;
import org.helpline.leadership.Leadership;
import org.helpline.leadership.Role;
import org.helpline.leadership.Standing;
import org.helpline.store.RedisLease;
import org.helpline.web.HealthCheck;
import org.helpline.web.StandbyWebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of two or more servers sharing one Redis ({@code store.redis.leadership.enabled}). It stands by,
 * holding the HTTP port with {@link StandbyWebServer}, until it wins the lease; then it starts a whole
 * {@link HelplineServer} in a Vert.x of its own for that term, exactly as a restart would (load the state,
 * connect Asterisk and reconcile, open the AGI port). Losing the lease closes that Vert.x, which ends every
 * timer, socket and write of the term at once, and it stands by again.
 *
 * <p>A standby keeps warm, so that a takeover only does what must wait for the lease: once at start-up it runs a
 * {@link Rehearsal} (every class loaded, the start-up paths compiled) and reads the guidance, and it always holds
 * the next term's Vert.x ready. It reports {@link Role#WARMING_UP} until then; it can take over meanwhile, only more slowly.
 */
final class HelplineNode {
    private static final Logger LOG = LoggerFactory.getLogger(HelplineNode.class);
    /** A term's server gets this long to record what is pending; then its Vert.x is closed regardless. */
    private static final long STOP_WAIT_MILLIS = 3_000;

    private final Vertx node;
    private final HelplineConfig config;
    private final Clock clock;
    private final Consumer<HelplineServer> onActive;
    private final RedisLease redisLease;
    private final Leadership leadership;
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private String standbyWeb;
    private String leadershipDeployment;
    private volatile Vertx termVertx;
    private HelplineServer server;
    /** The next term's Vert.x, made while standing by; null while it is being made or in use. */
    private final AtomicReference<Vertx> spare = new AtomicReference<>();
    private volatile boolean warm;
    /** Read once while standing by; each term looks for changes since, as its first check. */
    private volatile GuidanceLibrary guidance;
    private volatile boolean stopping;
    private volatile Future<Void> warming = Future.succeededFuture();

    private HelplineNode(Vertx node, HelplineConfig config, Clock clock, Consumer<HelplineServer> onActive) {
        this.node = node;
        this.config = config;
        this.clock = clock;
        this.onActive = onActive;
        LeadershipConfig settings = config.store().redis().leadership();
        this.redisLease = new RedisLease(node, config.store().redis(), serverName(settings), settings.leaseTtl());
        this.leadership = new Leadership(lease(), new Term(), new LeaseTiming(settings.leaseTtl(), settings.renewEvery()),
                clock, System::nanoTime);
        Standing.register(metrics, this::standing);
    }

    static Future<HelplineNode> start(Vertx node, HelplineConfig config, Clock clock, Consumer<HelplineServer> onActive) {
        HelplineNode started = new HelplineNode(node, config, clock, onActive);
        started.warming = started.warmUp(true);
        return started.standBy()
                .compose(v -> node.deployVerticle(started.leadership))
                .map(id -> {
                    started.leadershipDeployment = id;
                    return started;
                });
    }

    /** A planned stop: the active server finishes its term and gives the lease up, so a standby takes over at once. */
    Future<Void> stop() {
        stopping = true;
        Future<Void> left = leadershipDeployment == null ? Future.succeededFuture() : node.undeploy(leadershipDeployment);
        return left.eventually(this::leaveStandby).eventually(() -> warming).eventually(() -> {
            Vertx unused = spare.getAndSet(null);
            return unused == null ? Future.succeededFuture() : unused.close();
        });
    }

    /** Leadership's standing, but a standby still warming up says so. */
    Standing standing() {
        Standing now = leadership.standing();
        return now.role() == Role.STANDBY && !warm ? new Standing(Role.WARMING_UP, now.since(), 0) : now;
    }

    /** The port HTTP is served on, standing by or active. */
    int httpPort() {
        return server != null ? server.httpPort() : config.http().port();
    }

    private Future<Void> standBy() {
        List<HealthCheck> checks = List.of(new HealthCheck("store", true, () -> redisLease.status().up()
                ? HealthCheck.Status.ok() : HealthCheck.Status.down("redis: " + redisLease.status().reason())));
        return node.deployVerticle(new StandbyWebServer(config.http(), this::standing, checks, metrics))
                .map(id -> {
                    standbyWeb = id;
                    return null;
                });
    }

    /**
     * Prepares the next term off the node's threads (a Vert.x made on one of them would share its contexts): the
     * rehearsal when asked (once per process: classes stay loaded), then the term's Vert.x. A failure only costs
     * the next takeover its speed.
     */
    private Future<Void> warmUp(boolean rehearse) {
        warm = false;
        Promise<Void> done = Promise.promise();
        Thread.ofPlatform().name("helpline-warm-up").start(() -> {
            long began = System.nanoTime();
            try {
                if (rehearse) {
                    Rehearsal.run(config, clock);
                    guidance = GuidanceLibrary.open(Path.of(config.guidance().directory()));
                }
                Vertx next = Vertx.vertx();
                if (stopping || !spare.compareAndSet(null, next)) {
                    next.close().await();
                }
                LOG.info("standby.warm ms={}", (System.nanoTime() - began) / 1_000_000);
            } catch (RuntimeException e) {
                LOG.warn("standby.warm_up_failed reason=\"{}\"", e.getMessage());
            } finally {
                warm = true;
                done.complete();
            }
        });
        return done.future();
    }

    private Future<Void> leaveStandby() {
        String id = standbyWeb;
        standbyWeb = null;
        return id == null ? Future.succeededFuture() : node.undeploy(id);
    }

    /** The active server's work, one term at a time. */
    private final class Term implements Duty {
        @Override
        public Future<Void> take(long fencingNumber) {
            StartPhases phases = new StartPhases("takeover");
            return leaveStandby().compose(v -> {
                phases.ended("standby_closed");
                // started from outside any Vert.x thread, as Main does, so that every room takes a context of the
                // term's own Vert.x and none of the node's
                Promise<HelplineServer> started = Promise.promise();
                Thread.ofPlatform().name("helpline-takeover").start(() -> {
                    Vertx ready = spare.getAndSet(null);
                    termVertx = ready != null ? ready : Vertx.vertx();
                    phases.ended(ready != null ? "vertx_warm" : "vertx_cold");
                    HelplineServer.start(termVertx, config, clock, leadership::standing, fencingNumber,
                            () -> leadership.lost("Redis refused a write: another server is active"), phases, guidance)
                            .onComplete(started);
                });
                return started.future();
            }).compose(started -> {
                server = started;
                onActive.accept(started);
                return Future.<Void>succeededFuture();
            }).recover(failure -> closeTerm().eventually(HelplineNode.this::standBy).eventually(HelplineNode.this::keepWarm)
                    .transform(v -> Future.failedFuture(failure)));
        }

        @Override
        public Future<Void> leave(String reason) {
            HelplineServer ending = server;
            server = null;
            Future<Void> stopped = ending == null ? Future.succeededFuture()
                    : ending.stop().timeout(STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS);
            return stopped.eventually(HelplineNode.this::closeTerm).eventually(HelplineNode.this::standBy)
                    .eventually(HelplineNode.this::keepWarm);
        }
    }

    /** After a term: the next term's Vert.x again (the classes are still loaded). */
    private Future<Void> keepWarm() {
        if (!stopping) {
            warm = false;
            warming = warming.eventually(() -> warmUp(false));
        }
        return Future.succeededFuture();
    }

    private Future<Void> closeTerm() {
        Vertx ending = termVertx;
        termVertx = null;
        return ending == null ? Future.succeededFuture() : ending.close();
    }

    private Lease lease() {
        return new Lease() {
            @Override
            public Future<Long> acquire() {
                return redisLease.acquire();
            }

            @Override
            public Future<Boolean> renew(long fencingNumber) {
                return redisLease.renew(fencingNumber);
            }

            @Override
            public Future<Void> release(long fencingNumber) {
                return redisLease.release(fencingNumber);
            }

            @Override
            public Future<Void> close() {
                return redisLease.close();
            }
        };
    }

    /** The configured name, or host and process id: enough to tell the servers apart in the lease and the logs. */
    private static String serverName(LeadershipConfig settings) {
        if (!settings.server().isBlank()) {
            return settings.server();
        }
        String host = System.getenv("HOSTNAME");
        return (host == null || host.isBlank() ? "server" : host) + "/" + ProcessHandle.current().pid();
    }
}
