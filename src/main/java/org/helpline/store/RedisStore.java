package org.helpline.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.helpline.config.StoreConfig.RedisConfig;
import org.helpline.core.HelplineEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store in Redis, so that a restart of the server loses no waiting contact. Every key it writes
 * expires (see {@link RedisLayout}). If Redis goes away the helpline carries on: writes fail fast, the
 * latest value of every key is kept and written as soon as Redis is back, and reads see it meanwhile.
 *
 * <p>All work runs on one Vert.x context, taken when the store is made; answers come back on the
 * caller's context, as with Vert.x's own clients.
 */
public final class RedisStore implements HelplineStore {
    private static final Logger LOG = LoggerFactory.getLogger(RedisStore.class);
    private static final int LOAD_ATTEMPTS = 3;

    private final Context context;
    private final Clock clock;
    private final RedisTiming timing;
    private final RedisLayout layout;
    private final RedisLink link;
    private final RedisWriter writer;

    public RedisStore(Vertx vertx, RedisConfig config, Clock clock) {
        this(vertx, config, clock, RedisTiming.DEFAULT, 0);
    }

    /**
     * The store of one leader's term (two servers): every write carries {@code fencingNumber}, and Redis
     * refuses it once a newer leader has taken a larger one (see {@link #onRefused}).
     */
    public RedisStore(Vertx vertx, RedisConfig config, Clock clock, long fencingNumber) {
        this(vertx, config, clock, RedisTiming.DEFAULT, fencingNumber);
    }

    RedisStore(Vertx vertx, RedisConfig config, Clock clock, RedisTiming timing) {
        this(vertx, config, clock, timing, 0);
    }

    RedisStore(Vertx vertx, RedisConfig config, Clock clock, RedisTiming timing, long fencingNumber) {
        this.context = vertx.getOrCreateContext();
        this.clock = clock;
        this.timing = timing;
        this.layout = RedisLayout.of(config);
        this.link = new RedisLink(vertx, config, timing);
        Fencing fencing = fencingNumber > 0 ? new Fencing(layout.fencingNumber(), fencingNumber) : Fencing.NONE;
        this.writer = new RedisWriter(context, link, clock, timing, fencing, config.sentinel().waitReplicas());
    }

    /**
     * Runs once, on the store's context, when Redis refuses a write because another server became active:
     * from then on every write fails with {@link NotLeading}. Set it before the first write.
     */
    public void onRefused(Runnable action) {
        writer.onRefused(action);
    }

    @Override
    public Future<Void> record(List<HelplineEvent> changes) {
        return onStore(() -> writer.submit(layout.writesFor(changes, clock.instant())));
    }

    /**
     * Fails, rather than answering empty, when Redis cannot be reached: starting empty would overwrite it. A Redis
     * that is still reading its files, or a machine busy for a moment, gets {@link #LOAD_ATTEMPTS} tries first.
     */
    @Override
    public Future<SavedState> load() {
        return onStore(() -> loadAttempt(1)
                .onSuccess(saved -> LOG.info("store.redis.loaded contacts={} operators={}",
                        saved.contacts().size(), saved.operators().size())));
    }

    private Future<SavedState> loadAttempt(int attempt) {
        return link.connection()
                .compose(connection -> new RedisLoad(link, connection, layout).run())
                .recover(failure -> {
                    if (attempt >= LOAD_ATTEMPTS) {
                        return Future.failedFuture(new StoreUnavailable(
                                "cannot load the helpline's state from Redis: " + reason(failure)));
                    }
                    LOG.warn("store.redis.load.retry attempt={} reason=\"{}\"", attempt, reason(failure));
                    Promise<SavedState> again = Promise.promise();
                    context.owner().setTimer(timing.firstRetry().toMillis() << (attempt - 1),
                            id -> loadAttempt(attempt + 1).onComplete(again));
                    return again.future();
                });
    }

    @Override
    public Future<Void> put(String key, String value, Duration ttl) {
        return onStore(() -> writer.submit(List.of(layout.valuePut(key, value, ttl, clock.instant()))));
    }

    @Override
    public Future<String> get(String key) {
        return onStore(() -> {
            String redisKey = layout.value(key);
            PendingWrite pending = writer.pending(redisKey);
            if (pending != null) {
                return Future.succeededFuture(pending instanceof PendingWrite.Put put ? put.valueAt(clock.instant()) : null);
            }
            return link.connection()
                    .compose(connection -> link.answerIn(connection, connection.send(Request.cmd(Command.GET).arg(redisKey))))
                    .map(found -> found == null ? null : found.toString())
                    .recover(failure -> Future.failedFuture(failure instanceof StoreUnavailable ? failure
                            : new StoreUnavailable(reason(failure))));
        });
    }

    @Override
    public Future<Void> delete(String key) {
        return onStore(() -> writer.submit(List.of(layout.valueGone(key))));
    }

    /** SCAN for the keys, MGET for the values, then the writes Redis has not acknowledged yet on top. */
    @Override
    public Future<Map<String, String>> entries(String keyPrefix) {
        String redisPrefix = layout.value(keyPrefix);
        String valuesPrefix = layout.value("");
        // keys written but not acknowledged yet may be acknowledged after SCAN passed them: read them too
        return onStore(() -> link.connection()
                .compose(connection -> scan(connection, "0", globEscaped(redisPrefix) + "*",
                        new ArrayList<>(writer.pendingUnder(redisPrefix).keySet()))
                        .compose(keys -> values(connection, keys)))
                .map(found -> {
                    Instant now = clock.instant();
                    writer.pendingUnder(redisPrefix).forEach((key, write) -> {
                        String value = write instanceof PendingWrite.Put put ? put.valueAt(now) : null;
                        if (value == null) {
                            found.remove(key);
                        } else {
                            found.put(key, value);
                        }
                    });
                    Map<String, String> byKey = new TreeMap<>();
                    found.forEach((key, value) -> byKey.put(key.substring(valuesPrefix.length()), value));
                    return byKey;
                }));
    }

    /** Redis expires every key by itself. */
    @Override
    public Future<Integer> sweepExpired() {
        return Future.succeededFuture(0);
    }

    private Future<List<String>> scan(RedisConnection connection, String cursor, String pattern, List<String> keys) {
        Request request = Request.cmd(Command.SCAN).arg(cursor).arg("MATCH").arg(pattern).arg("COUNT").arg(500);
        return link.answerIn(connection, connection.send(request)).compose(reply -> {
            reply.get(1).forEach(key -> keys.add(key.toString()));
            String next = reply.get(0).toString();
            return next.equals("0") ? Future.succeededFuture(keys) : scan(connection, next, pattern, keys);
        });
    }

    private Future<Map<String, String>> values(RedisConnection connection, List<String> keys) {
        Map<String, String> found = new TreeMap<>();
        if (keys.isEmpty()) {
            return Future.succeededFuture(found);
        }
        List<String> distinct = keys.stream().distinct().toList();
        Request mget = Request.cmd(Command.MGET);
        distinct.forEach(mget::arg);
        return link.answerIn(connection, connection.send(mget)).map(reply -> {
            int i = 0;
            for (Response value : reply) {
                String key = distinct.get(i++);
                if (value != null) {
                    found.put(key, value.toString());
                }
            }
            return found;
        });
    }

    private static String globEscaped(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    @Override
    public StoreStatus status() {
        return link.status();
    }

    /** Waits a little for pending writes, then closes the connection whatever happened. */
    @Override
    public Future<Void> close() {
        return onStore(() -> writer.submit(List.of())
                .timeout(timing.closeWait().toMillis(), TimeUnit.MILLISECONDS)
                .transform(flushed -> {
                    if (flushed.failed()) {
                        LOG.warn("store.redis.closed unflushed={} reason=\"{}\"", writer.unflushed(), reason(flushed.cause()));
                    }
                    return link.close();
                }));
    }

    private String reason(Throwable failure) {
        return failure instanceof StoreUnavailable ? failure.getMessage() : link.address() + ": " + link.describe(failure);
    }

    /** Runs {@code work} on the store's context and answers on the caller's. */
    private <T> Future<T> onStore(Supplier<Future<T>> work) {
        Context caller = Vertx.currentContext();
        if (caller == context) {
            return attempt(work);
        }
        Promise<T> answer = Promise.promise();
        context.runOnContext(v -> attempt(work).onComplete(answer));
        return caller == null ? answer.future() : Future.fromCompletionStage(answer.future().toCompletionStage(), caller);
    }

    private static <T> Future<T> attempt(Supplier<Future<T>> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }
}
