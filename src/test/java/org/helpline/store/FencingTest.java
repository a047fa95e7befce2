package org.helpline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.helpline.testing.Eventually;
import org.helpline.testing.LogCapture;
import org.helpline.testing.RedisServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@DisplayName("leadership lease and fenced writes in Redis")
class FencingTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final List<RedisStore> stores = new ArrayList<>();
    private final List<RedisLease> leases = new ArrayList<>();
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        stores.forEach(s -> s.close().await());
        leases.forEach(l -> l.close().await());
        vertx.close().await();
    }

    @Test
    void onlyOneServerHoldsTheLeaseAndEachNewLeaderTakesALargerNumber() {
        RedisLease a = lease("a");
        RedisLease b = lease("b");
        long first = onContext(a::acquire);
        assertThat(first).isPositive();
        assertThat(onContext(b::acquire)).as("the lease is held").isZero();
        assertThat(onContext(() -> b.renew(first))).as("b does not hold it").isFalse();
        assertThat(onContext(() -> a.renew(first))).isTrue();

        onContext(() -> a.release(first));
        long second = onContext(b::acquire);
        assertThat(second).isGreaterThan(first);
        assertThat(onContext(() -> a.renew(first))).as("a lost it").isFalse();
        assertThat(REDIS.call("GET", REDIS.keyPrefix() + "leader")).isEqualTo("b " + second);
        assertThat(REDIS.keysWithTtl().values()).as("lease keys expire").allMatch(ttl -> ttl > 0);
    }

    @Test
    void aFormerLeadersWriteIsRefusedWhollyAndItsStoreRefusesEveryLaterOne() {
        RedisLease a = lease("a");
        RedisLease b = lease("b");
        long numberOfA = onContext(a::acquire);
        AtomicInteger refusals = new AtomicInteger();
        RedisStore storeOfA = store(numberOfA);
        storeOfA.onRefused(refusals::incrementAndGet);
        storeOfA.put("chat:1", "before", Duration.ofMinutes(5)).await();

        // a is paused past its lease: b takes over and writes
        REDIS.call("DEL", REDIS.keyPrefix() + "leader");
        long numberOfB = onContext(b::acquire);
        RedisStore storeOfB = store(numberOfB);
        storeOfB.put("chat:2", "from b", Duration.ofMinutes(5)).await();

        // a wakes up and writes two keys in one batch: neither may land
        try (LogCapture logs = new LogCapture()) {
            Future<Void> late1 = storeOfA.put("chat:1", "after", Duration.ofMinutes(5));
            Future<Void> late2 = storeOfA.put("chat:2", "from a", Duration.ofMinutes(5));
            assertThatThrownBy(late1::await).isInstanceOf(NotLeading.class);
            assertThatThrownBy(late2::await).isInstanceOf(NotLeading.class);
            Eventually.until(() -> refusals.get() == 1, "the store tells once that it was refused");
            // the log says which term was refused: its short number, which the redaction leaves readable
            assertThat(logs.text()).contains("store.redis.fenced term=" + Term.of(numberOfA) + " ");
        }

        assertThat(REDIS.call("GET", REDIS.keyPrefix() + "value:chat:1")).isEqualTo("before");
        assertThat(REDIS.call("GET", REDIS.keyPrefix() + "value:chat:2")).isEqualTo("from b");
        assertThatThrownBy(() -> storeOfA.delete("chat:2").await()).isInstanceOf(NotLeading.class);
        assertThat(REDIS.call("GET", REDIS.keyPrefix() + "value:chat:2")).isEqualTo("from b");
        storeOfB.put("chat:1", "b goes on", Duration.ofMinutes(5)).await();
        assertThat(refusals.get()).isEqualTo(1);
    }

    @Test
    void aServerAloneWritesWithoutAnyLease() {
        RedisStore alone = new RedisStore(vertx, REDIS.config(), Clock.systemUTC());
        stores.add(alone);
        alone.put("chat:1", "hello", Duration.ofMinutes(5)).await();
        assertThat(REDIS.call("GET", REDIS.keyPrefix() + "value:chat:1")).isEqualTo("hello");
        assertThat(REDIS.keys()).noneMatch(key -> key.contains("leader"));
    }

    private RedisLease lease(String server) {
        RedisLease lease = new RedisLease(vertx, REDIS.config(), server, LEASE);
        leases.add(lease);
        return lease;
    }

    private RedisStore store(long number) {
        RedisStore store = new RedisStore(vertx, REDIS.config(), Clock.systemUTC(), number);
        stores.add(store);
        return store;
    }

    /** The lease is used from one context, as the leadership verticle does. */
    private <T> T onContext(java.util.function.Supplier<Future<T>> call) {
        io.vertx.core.Promise<T> answer = io.vertx.core.Promise.promise();
        vertxContext().runOnContext(v -> call.get().onComplete(answer));
        return answer.future().await();
    }

    private io.vertx.core.Context context;

    private io.vertx.core.Context vertxContext() {
        if (context == null) {
            context = vertx.getOrCreateContext();
        }
        return context;
    }
}
