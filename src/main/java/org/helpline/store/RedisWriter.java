package org.helpline.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets writes into Redis in the order they were made, and keeps every one Redis has not acknowledged.
 *
 * <p>Writes wait in a map keyed by Redis key, so only the latest change to a key is kept: that is all
 * Redis needs, however long it was away. Calls made in the same event-loop turn go out together in one
 * pipelined batch; one batch at a time, so two writes to one key can never arrive swapped. A call's
 * future completes once every write it made, and every write made before it, is acknowledged; if a batch
 * fails or Redis is down, all waiting calls fail at once, in order, and their writes stay for the next
 * batch, which goes out as soon as the link is back.
 *
 * <p>It also remembers the records (contacts, operators) Redis last acknowledged and writes them again
 * each time the link comes back: a Redis that restarted without persistence would otherwise have lost
 * every contact that did not change during the outage.
 *
 * <p>With a {@link Fencing} number (two servers), each batch is one script that Redis runs only while the
 * number is the current leader's. A refused batch means another server leads now: every write waiting is
 * dropped, every call fails with {@link NotLeading}, every later call too, and {@code onRefused} runs
 * once, so the server steps down. Confined to the store's context.
 */
final class RedisWriter {
    private static final Logger LOG = LoggerFactory.getLogger(RedisWriter.class);
    /** Keys per batch, so that one batch stays within the connection's waiting replies. */
    private static final int MAX_BATCH = 1000;
    private static final long WAIT_MILLIS = 1000;

    private final Context context;
    private final RedisLink link;
    private final Clock clock;
    private final RedisTiming timing;
    private final Fencing fencing;
    private final int waitReplicas;
    private final Map<String, Dirty> dirty = new LinkedHashMap<>();
    private final Map<String, PendingWrite.Put> written = new HashMap<>();
    private final Deque<Waiter> waiters = new ArrayDeque<>();
    private Map<String, Dirty> sending = Map.of();
    private boolean busy;
    private boolean flushQueued;
    private boolean heldBack;
    private long calls;
    private NotLeading refused;
    private Runnable onRefused = () -> {
    };

    /** A write not yet acknowledged, and the earliest call that is waiting for this key. */
    private record Dirty(PendingWrite write, long since) {}

    private record Waiter(long call, Promise<Void> done) {}

    RedisWriter(Context context, RedisLink link, Clock clock, RedisTiming timing, Fencing fencing, int waitReplicas) {
        this.context = context;
        this.link = link;
        this.clock = clock;
        this.timing = timing;
        this.fencing = fencing;
        this.waitReplicas = waitReplicas;
        link.onUp(this::linkUp);
    }

    /** Runs once, on the store's context, when Redis first refuses a write of this term. */
    void onRefused(Runnable action) {
        this.onRefused = action;
    }

    Future<Void> submit(List<PendingWrite> writes) {
        if (refused != null) {
            return Future.failedFuture(refused);
        }
        long call = ++calls;
        for (PendingWrite write : writes) {
            Dirty older = dirty.get(write.key());
            // Replacing a write that never left means its caller now waits for this one instead.
            boolean olderUnsent = older != null && sending.get(write.key()) != older;
            dirty.put(write.key(), new Dirty(write, olderUnsent ? older.since() : call));
        }
        Promise<Void> done = Promise.promise();
        waiters.add(new Waiter(call, done));
        queueFlush();
        return done.future();
    }

    /** The write to this key that Redis has not acknowledged yet, if any: reads see it first. */
    PendingWrite pending(String key) {
        Dirty found = dirty.get(key);
        return found == null ? null : found.write();
    }

    /** Every write not acknowledged yet to a key that starts with {@code keyPrefix}. */
    Map<String, PendingWrite> pendingUnder(String keyPrefix) {
        Map<String, PendingWrite> found = new LinkedHashMap<>();
        dirty.forEach((key, write) -> {
            if (key.startsWith(keyPrefix)) {
                found.put(key, write.write());
            }
        });
        return found;
    }

    int unflushed() {
        return dirty.size();
    }

    private void linkUp() {
        rewriteRecords();
        if (dirty.isEmpty()) {
            link.healthy();
        } else {
            queueFlush();
        }
    }

    /** Queues the records Redis acknowledged before, unless a newer write is pending, as if a call made them now. */
    private void rewriteRecords() {
        Instant now = clock.instant();
        written.values().removeIf(record -> record.valueAt(now) == null);
        long call = ++calls;
        int queued = 0;
        for (PendingWrite.Put record : written.values()) {
            if (dirty.putIfAbsent(record.key(), new Dirty(record, call)) == null) {
                queued++;
            }
        }
        if (queued > 0) {
            heldBack = true;
            LOG.info("store.redis.rewriting records={}", queued);
        }
    }

    private void queueFlush() {
        if (!flushQueued) {
            flushQueued = true;
            context.runOnContext(v -> flush());
        }
    }

    private void flush() {
        flushQueued = false;
        if (busy) {
            return;
        }
        if (dirty.isEmpty()) {
            settle();
            return;
        }
        busy = true;
        link.connection().onComplete(open -> {
            if (open.succeeded()) {
                send(open.result());
            } else {
                busy = false;
                failAll(open.cause());
            }
        });
    }

    private void send(RedisConnection connection) {
        Map<String, Dirty> batch = new LinkedHashMap<>();
        for (Map.Entry<String, Dirty> entry : dirty.entrySet()) {
            if (batch.size() == MAX_BATCH) {
                break;
            }
            batch.put(entry.getKey(), entry.getValue());
        }
        Instant now = clock.instant();
        List<List<String>> commands = new ArrayList<>(batch.size() * 3);
        batch.values().forEach(d -> commands.addAll(d.write().commands(now)));
        sending = batch;
        List<Request> requests = new ArrayList<>(fencing.requests(commands));
        if (waitReplicas > 0) {
            // a failover loses what no replica had yet: the batch counts as recorded once one has it (or 1 s passed)
            requests.add(Request.cmd(Command.WAIT).arg(waitReplicas).arg(WAIT_MILLIS));
        }
        connection.batch(requests).timeout(timing.reply().toMillis(), TimeUnit.MILLISECONDS).onComplete(sent -> {
            busy = false;
            sending = Map.of();
            if (sent.succeeded()) {
                batch.forEach(this::acknowledge);
                afterBatch(batch.size());
            } else if (Fencing.refusal(sent.cause())) {
                refuse(sent.cause());
            } else {
                failAll(link.lost(connection, link.describe(sent.cause())));
            }
        });
    }

    /** Another server leads: nothing of this term may reach Redis any more. */
    private void refuse(Throwable cause) {
        refused = new NotLeading("another server is active now (Redis refused the writes of term " + Term.of(fencing.number())
                + ": " + link.describe(cause) + ")");
        LOG.warn("store.redis.fenced term={} dropped={}", Term.of(fencing.number()), dirty.size());
        dirty.clear();
        written.clear();
        while (!waiters.isEmpty()) {
            waiters.poll().done().fail(refused);
        }
        onRefused.run();
    }

    private void acknowledge(String key, Dirty sent) {
        dirty.remove(key, sent);
        if (sent.write() instanceof PendingWrite.Put put && put.index() != null) {
            written.put(key, put);
        } else {
            written.remove(key);
        }
    }

    private void afterBatch(int keys) {
        link.healthy();
        if (heldBack) {
            LOG.info("store.redis.caught_up keys={} still_pending={}", keys, dirty.size());
            heldBack = !dirty.isEmpty();
        }
        settle();
        if (!dirty.isEmpty()) {
            queueFlush();
        }
    }

    /** Completes, in call order, the calls whose writes are all acknowledged. */
    private void settle() {
        long oldestUnacknowledged = dirty.values().stream().mapToLong(Dirty::since).min().orElse(Long.MAX_VALUE);
        while (!waiters.isEmpty() && waiters.peek().call() < oldestUnacknowledged) {
            waiters.poll().done().complete();
        }
    }

    private void failAll(Throwable cause) {
        if (!dirty.isEmpty()) {
            heldBack = true;
        }
        while (!waiters.isEmpty()) {
            waiters.poll().done().fail(cause);
        }
    }
}
