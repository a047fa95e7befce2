package org.helpline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.helpline.config.StoreConfig.RedisConfig;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.HelplineEvent;
import org.helpline.core.Presence;
import org.helpline.core.Priority;
import org.helpline.testing.Eventually;
import org.helpline.testing.LogCapture;
import org.helpline.testing.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

@ExtendWith(VertxExtension.class)
@DisplayName("Redis store")
class RedisStoreTest extends HelplineStoreContract {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    /** Timeouts short enough for a test to wait for them. */
    private static final RedisTiming QUICK = new RedisTiming(Duration.ofMillis(300), Duration.ofMillis(50),
            Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(300));
    /** Redis keeps a value at least this long, however loaded the machine running the test. */
    private static final Duration SHORT_TTL = Duration.ofSeconds(1);

    private final List<RedisStore> opened = new ArrayList<>();
    private final List<Throwable> uncaught = Collections.synchronizedList(new ArrayList<>());
    private Vertx vertx;
    private RedisStore store;

    @BeforeEach
    void openStore(Vertx vertx) {
        this.vertx = vertx;
        vertx.exceptionHandler(uncaught::add);
        store = open(REDIS.config());
    }

    @AfterEach
    void closeStores() {
        opened.forEach(s -> await(s.close()));
        assertThat(uncaught).as("exceptions thrown on the event loop").isEmpty();
    }

    @Override
    protected HelplineStore store() {
        return store;
    }

    @Override
    protected Duration shortTtl() {
        return SHORT_TTL;
    }

    /** Redis's clock moves by itself: the poll that follows waits for it. */
    @Override
    protected void letTimePass(Duration time) {
    }

    RedisStore open(RedisConfig config) {
        return open(config, RedisTiming.DEFAULT);
    }

    RedisStore open(RedisConfig config, RedisTiming timing) {
        RedisStore opening = new RedisStore(vertx, config, Clock.systemUTC(), timing);
        opened.add(opening);
        return opening;
    }

    /** What a server starting now would find. */
    SavedState loadAfresh() {
        return await(open(REDIS.config()).load());
    }

    @Nested
    @DisplayName("what it leaves in Redis")
    class Keys {
        @Test
        @DisplayName("gives every key it writes a time to live, and starts every key with the prefix")
        void everyKeyExpires() {
            await(store.load());
            recordAll(store, HelplineFlow.shift().batches());
            await(store.put("session:abc", "amira", Duration.ofMinutes(30)));

            Map<String, Long> keys = REDIS.keysWithTtl();

            String prefix = REDIS.keyPrefix();
            assertThat(keys.keySet()).contains(prefix + "contacts", prefix + "operators",
                    prefix + "operator:amira", prefix + "operator:bogdan", prefix + "value:session:abc");
            assertThat(keys.keySet()).filteredOn(k -> k.startsWith(prefix + "contact:")).hasSize(3);
            assertThat(keys.entrySet()).filteredOn(key -> key.getValue() <= 0).as("keys without a time to live").isEmpty();
            assertThat(keys.get(prefix + "contacts")).isLessThanOrEqualTo(Duration.ofHours(12).toMillis());
            assertThat(keys.get(prefix + "operators")).isGreaterThan(Duration.ofHours(23).toMillis());
            if (REDIS.isPrivate()) {
                assertThat((Long) REDIS.call("DBSIZE")).as("keys outside the prefix").isEqualTo(keys.size());
            }
        }

        @Test
        @DisplayName("gives the queue back in the same order, with the same priorities and states")
        void keepsQueueOrder() {
            HelplineFlow flow = new HelplineFlow();
            for (int i = 0; i < 50; i++) {
                flow.arrive(i % 2 == 0 ? Channel.CALL : Channel.CHAT, i % 3 == 0 ? "ro" : "en",
                        i % 7 == 0 ? Priority.URGENT : Priority.NORMAL);
            }
            flow.apply(new Command.SetPresence(HelplineFlow.profile("amira", "en"), Presence.AVAILABLE, null));
            recordAll(store, flow.batches());

            List<Contact> loaded = loadAfresh().contacts();

            assertThat(loaded).hasSize(50).isSortedAccordingTo((a, b) -> Long.compare(a.sequence(), b.sequence()));
            assertThat(loaded).containsExactlyElementsOf(flow.liveContacts());
        }

        @Test
        @DisplayName("skips, and removes from the index, contacts whose record has expired")
        void dropsExpiredIndexEntries() {
            HelplineFlow flow = new HelplineFlow();
            Contact first = flow.arrive(Channel.CALL, "en", Priority.NORMAL);
            flow.arrive(Channel.CALL, "en", Priority.NORMAL);
            recordAll(store, flow.batches());
            REDIS.call("DEL", REDIS.keyPrefix() + "contact:" + first.id());

            List<Contact> loaded = loadAfresh().contacts();

            assertThat(loaded).containsExactlyElementsOf(flow.liveContacts().subList(1, 2));
            assertThat(REDIS.call("ZRANGE", REDIS.keyPrefix() + "contacts", "0", "-1")).asInstanceOf(InstanceOfAssertFactories.LIST)
                    .containsExactly(loaded.getFirst().id());
        }

        @Test
        @DisplayName("writes what is pending before it closes")
        void closeFlushes() {
            HelplineFlow flow = HelplineFlow.shift();
            flow.batches().forEach(store::record);
            store.put("session:abc", "amira", Duration.ofMinutes(30));

            await(store.close());

            assertThat(loadAfresh().contacts()).containsExactlyElementsOf(flow.liveContacts());
            assertThat(REDIS.call("GET", REDIS.keyPrefix() + "value:session:abc")).isEqualTo("amira");
        }
    }

    @Nested
    @DisplayName("when Redis fails")
    class Outages {
        @Test
        @DisplayName("loads all the same when Redis answers only the second or third time (still reading its files, a busy machine)")
        void loadTriesAgainWhenRedisAnswersLate() {
            HelplineFlow flow = new HelplineFlow();
            Contact waiting = flow.arrive(Channel.CALL, "ro", Priority.NORMAL);
            await(store.load());
            recordAll(store, flow.batches());
            RedisStore starting = open(REDIS.config(), new RedisTiming(Duration.ofSeconds(1), Duration.ofMillis(50),
                    Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofMillis(300)));
            REDIS.pause();
            try (LogCapture log = new LogCapture()) {
                Future<SavedState> loading = starting.load();
                Eventually.until(() -> log.text().contains("store.redis.load.retry attempt=1"), "a first try that had no answer",
                        Duration.ofSeconds(10));
                REDIS.resume();
                assertThat(await(loading).contacts()).extracting(Contact::id).containsExactly(waiting.id());
            } finally {
                REDIS.resume();
            }
        }

        @Test
        @DisplayName("refuses to load, with the reason, when Redis cannot be reached at start-up")
        void loadFailsWhenUnreachable() {
            int nobody = RedisServer.freePort();
            RedisStore unreachable = open(new RedisConfig("redis://127.0.0.1:" + nobody, "", REDIS.keyPrefix(), null, null));

            assertThatThrownBy(() -> await(unreachable.load()))
                    .isInstanceOf(StoreUnavailable.class)
                    .hasMessage("cannot load the helpline's state from Redis: cannot connect to 127.0.0.1:" + nobody
                            + ": Connection refused");
            assertThat(unreachable.status())
                    .isEqualTo(StoreStatus.down("redis", "cannot connect to 127.0.0.1:" + nobody + ": Connection refused"));
        }

        @Test
        @DisplayName("fails fast, says why, and throws nothing on the event loop when Redis dies")
        void failsFastWhenRedisDies() {
            HelplineFlow flow = new HelplineFlow();
            flow.arrive(Channel.CALL, "en", Priority.NORMAL);
            await(store.load());
            recordAll(store, flow.batches());

            REDIS.kill();
            flow.arrive(Channel.CHAT, "en", Priority.URGENT);
            long started = System.nanoTime();
            Future<Void> recorded = store.record(flow.batches().getFirst());

            assertThatThrownBy(() -> await(recorded)).isInstanceOf(StoreUnavailable.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("not waiting for a timeout").isLessThan(Duration.ofMillis(1500));
            assertThat(store.status().up()).isFalse();
            assertThat(store.status().reason()).contains("127.0.0.1:" + REDIS.port());
            Poll.until(WAIT, () -> String.valueOf(store.status().reason()).endsWith("Connection refused"),
                    "the status says Redis refuses connections, not " + store.status().reason());
        }

        @Test
        @DisplayName("once Redis is back, writes what changed while it was away, and what it lost in a restart")
        void catchesUpWhenRedisReturns() {
            HelplineFlow flow = new HelplineFlow();
            Contact first = flow.arrive(Channel.CALL, "en", Priority.NORMAL);
            Contact second = flow.arrive(Channel.CALL, "en", Priority.NORMAL);
            Contact untouched = flow.arrive(Channel.CALL, "ro", Priority.NORMAL);
            await(store.load());
            recordAll(store, flow.batches());
            await(store.put("session:abc", "amira", Duration.ofMinutes(30)));

            REDIS.kill();
            flow.apply(new Command.SetPresence(HelplineFlow.profile("amira", "en"), Presence.AVAILABLE, null));
            flow.acceptOffers("amira");
            flow.apply(new Command.Leave(second.id()));
            flow.arrive(Channel.CHAT, "en", Priority.URGENT);
            List<Future<Void>> whileDown = flow.batches().stream().map(store::record).toList();
            whileDown.forEach(f -> assertThatThrownBy(() -> await(f)).isInstanceOf(StoreUnavailable.class));
            assertThatThrownBy(() -> await(store.put("session:abc", "bogdan", Duration.ofMinutes(30))))
                    .isInstanceOf(StoreUnavailable.class);
            assertThat(await(store.get("session:abc"))).as("reads see writes Redis has not had yet").isEqualTo("bogdan");

            REDIS.start();
            Poll.until(WAIT, () -> store.status().up(), "the store reconnects");
            Poll.until(WAIT, () -> "bogdan".equals(REDIS.call("GET", REDIS.keyPrefix() + "value:session:abc")),
                    "the writes made while Redis was away reach it");
            await(store.record(List.of()));

            SavedState saved = loadAfresh();
            assertThat(saved.contacts()).extracting(Contact::id)
                    .containsExactly(first.id(), untouched.id(), flow.liveContacts().getLast().id());
            assertThat(saved.contacts()).containsExactlyElementsOf(flow.liveContacts());
            assertThat(saved.operators()).containsExactlyElementsOf(flow.operators());
            assertThat(REDIS.keysWithTtl().entrySet()).filteredOn(key -> key.getValue() <= 0).isEmpty();
        }

        @Test
        @DisplayName("fails within its timeout when Redis stops answering, and catches up when it answers again")
        void boundedWaitWhenRedisHangs() {
            RedisStore impatient = open(REDIS.config(), QUICK);
            HelplineFlow flow = new HelplineFlow();
            flow.arrive(Channel.CALL, "en", Priority.NORMAL);
            await(impatient.load());

            REDIS.pause();
            List<HelplineEvent> batch = flow.batches().getFirst();
            try {
                long started = System.nanoTime();
                assertThatThrownBy(() -> await(impatient.record(batch))).isInstanceOf(StoreUnavailable.class);
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
                assertThat(impatient.status().reason()).contains("no answer within 300 ms");
            } finally {
                REDIS.resume();
            }

            Poll.until(WAIT, () -> impatient.status().up(), "the store reconnects");
            String contactKey = REDIS.keyPrefix() + "contact:" + flow.liveContacts().getFirst().id();
            Poll.until(WAIT, () -> Long.valueOf(1).equals(REDIS.call("EXISTS", contactKey)), "the write reaches Redis");
            assertThat(loadAfresh().contacts()).containsExactlyElementsOf(flow.liveContacts());
        }

        @Test
        @DisplayName("notices a Redis that stops answering even with nothing to write")
        void noticesASilentRedis() {
            RedisStore watching = open(REDIS.config(), QUICK);
            await(watching.load());

            REDIS.pause();
            try {
                Poll.until(WAIT, () -> !watching.status().up(), "the status goes down");
                assertThat(watching.status().reason()).contains("127.0.0.1:" + REDIS.port(), "no answer within 300 ms");
            } finally {
                REDIS.resume();
            }

            Poll.until(WAIT, () -> watching.status().up(), "the status comes back up");
        }
    }
}
