package org.helpline.bench;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.helpline.bus.CommandSender;
import org.helpline.bus.CoreCodecs;
import org.helpline.core.Addresses;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.NewContact;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.helpline.core.Router;
import org.helpline.core.RoutingRules;
import org.helpline.dispatch.DispatchVerticle;
import org.helpline.store.HelplineStore;
import org.helpline.store.MemoryStore;
import org.helpline.store.RedisStore;
import org.helpline.config.StoreConfig.RedisConfig;
import org.helpline.testing.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Routing through the real dispatch (router, store, event bus): 200 operators who accept, end and
 * wrap up every offer at once, and 1,000 contacts always waiting. Run it with
 * {@code ./mvnw -q test -Dtest=RoutingBenchmark}; it prints a table. The test suite runs it small in
 * {@link RoutingBenchmarkSmokeTest}.
 *
 * <ul>
 *   <li>throughput: 1,000 contacts wait and every offer is replaced by a new arrival, so the queue
 *       stays 1,000 deep; offers per second over the run.</li>
 *   <li>latency: the 200 operators idle, 1,000 contacts wait in a language none of them speaks (every
 *       routing pass still walks past them), and new contacts arrive at a steady rate; the time from
 *       sending Enqueue to receiving the OFFERED event.</li>
 * </ul>
 */
class RoutingBenchmark {
    static final Size FULL = new Size(200, 1_000, 5_000, 30_000, 10_000, 2_000);

    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    /**
     * How big a run is. {@code arrivalsPerSecond} is paced per millisecond, so it is a multiple of 1,000; offers
     * and samples are counted after {@code warmUp} offers.
     */
    record Size(int operators, int waiting, int warmUp, int throughputOffers, int latencySamples, int arrivalsPerSecond) {
    }

    @Test
    void routeOffers() throws Exception {
        Benchmarks.report("routing-benchmark.txt", run(FULL, REDIS));
    }

    static String run(Size size, RedisServer redisServer) throws Exception {
        Result memory = measure("memory", size, redisServer);
        Result redis = measure("redis", size, redisServer);
        return """
                Routing benchmark — %s
                store   offers/s   enqueue→offer p50   p99      (%d operators, %d waiting)
                %s
                %s
                redis/memory throughput ratio: %.2f
                """.formatted(Machine.describe(), size.operators(), size.waiting(), memory, redis,
                redis.offersPerSecond() / memory.offersPerSecond());
    }

    private record Result(String store, double offersPerSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return "%-7s %9.0f   %10.3f ms   %7.3f ms".formatted(store, offersPerSecond, p50Millis, p99Millis);
        }
    }

    private static Result measure(String store, Size size, RedisServer redisServer) throws Exception {
        double offersPerSecond = onFreshDispatch(store, "throughput", size, redisServer, Shift::throughput);
        long[] latencies = onFreshDispatch(store, "latency", size, redisServer, Shift::latency);
        return new Result(store, offersPerSecond, percentile(latencies, 50), percentile(latencies, 99));
    }

    private interface Phase<T> {
        T run(Shift shift) throws Exception;
    }

    /** Each phase starts from an empty helpline: its own Vert.x, router and store (own Redis keys). */
    private static <T> T onFreshDispatch(String storeKind, String phase, Size size, RedisServer redisServer, Phase<T> body)
            throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            CoreCodecs.register(vertx.eventBus());
            HelplineStore store = storeKind.equals("redis")
                    ? new RedisStore(vertx, new RedisConfig(redisServer.url(), redisServer.password(), redisServer.keyPrefix() + phase + ":",
                            null, null), Clock.systemUTC())
                    : new MemoryStore(Clock.systemUTC());
            Router router = new Router(new RoutingRules(Duration.ofMinutes(5), Duration.ofMinutes(5),
                    Duration.ofHours(1), 2), Clock.systemUTC());
            vertx.deployVerticle(new DispatchVerticle(router, store, Duration.ofMillis(250))).await();
            T result = body.run(new Shift(vertx, size));
            store.close().await();
            return result;
        } finally {
            vertx.close().await();
        }
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** 200 operators working every offer through to wrap-up, and the callers who keep arriving. */
    private static final class Shift {
        private final Vertx vertx;
        private final Size size;
        private final CommandSender commands;
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
        private final AtomicInteger arrivals = new AtomicInteger();
        private final AtomicInteger offers = new AtomicInteger();

        Shift(Vertx vertx, Size size) {
            this.vertx = vertx;
            this.size = size;
            this.commands = new CommandSender(vertx);
        }

        double throughput() throws Exception {
            for (int i = 0; i < size.waiting(); i++) {
                arrive("ro").await();
            }
            Promise<Long> done = Promise.promise();
            int target = size.warmUp() + size.throughputOffers();
            long[] startedAt = new long[1];
            vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> {
                Contact contact = m.body().contact();
                if (contact.state() == ContactState.OFFERED) {
                    sentAt.remove(contact.channelRef());
                    int n = offers.incrementAndGet();
                    if (n == size.warmUp()) {
                        startedAt[0] = System.nanoTime();
                    } else if (n == target) {
                        done.tryComplete(System.nanoTime());
                    }
                    if (n < target) {
                        arrive("ro");
                    }
                    work(contact);
                }
            }).completion().await();
            signIn(Set.of("ro"));
            long endedAt = done.future().await();
            return size.throughputOffers() / ((endedAt - startedAt[0]) / 1e9);
        }

        long[] latency() throws Exception {
            for (int i = 0; i < size.waiting(); i++) {
                arrive("de").await();
            }
            long[] latencies = new long[size.latencySamples()];
            AtomicInteger measured = new AtomicInteger();
            Promise<Void> done = Promise.promise();
            vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> {
                Contact contact = m.body().contact();
                if (contact.state() == ContactState.OFFERED) {
                    Long sent = sentAt.remove(contact.channelRef());
                    int n = measured.getAndIncrement() - size.warmUp();
                    if (n >= 0 && n < size.latencySamples()) {
                        latencies[n] = System.nanoTime() - sent;
                    }
                    if (n == size.latencySamples() - 1) {
                        done.tryComplete();
                    }
                    work(contact);
                }
            }).completion().await();
            signIn(Set.of("ro"));
            vertx.setPeriodic(1, id -> {
                for (int i = 0; i < size.arrivalsPerSecond() / 1000; i++) {
                    if (arrivals.get() >= size.warmUp() + size.latencySamples() + size.waiting()) {
                        vertx.cancelTimer(id);
                        return;
                    }
                    arrive("ro");
                }
            });
            done.future().await();
            return latencies;
        }

        private io.vertx.core.Future<Contact> arrive(String language) {
            String ref = "bench-" + arrivals.incrementAndGet();
            sentAt.put(ref, System.nanoTime());
            return commands.contact(new Command.Enqueue(new NewContact(Channel.CHAT, language, "abroad", Priority.NORMAL, ref)));
        }

        private void signIn(Set<String> languages) {
            for (int i = 0; i < size.operators(); i++) {
                commands.operator(new Command.SetPresence(new OperatorProfile("op" + i, languages, Set.of(Channel.CHAT), 1, null),
                        Presence.AVAILABLE, null)).await();
            }
        }

        /** The operator takes the conversation through to its wrap-up without pause. */
        private void work(Contact offer) {
            String operator = offer.operatorId();
            commands.contact(new Command.Accept(operator, offer.id()))
                    .compose(c -> commands.contact(new Command.End(operator, offer.id())))
                    .compose(c -> commands.contact(new Command.WrapUp(operator, offer.id(), "advice_given")));
        }
    }
}
