package org.helpline.store;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.helpline.config.StoreConfig.RedisConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Has Redis write its files afresh ({@code BGREWRITEAOF}, {@code BGSAVE}) every {@code every}, so that
 * data deleted or expired leaves the disk within that time: Redis keeps it in its append-only file until a
 * rewrite and in its snapshot until the next save, and both leave expired keys out. A pass asks only for
 * what has changed since the last rewrite or save. Only the active server runs it: start it when the server
 * leads, stop it when it no longer does. Uses a connection of its own for each pass, never the store's.
 */
public final class RedisCompaction {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCompaction.class);
    private static final Duration REPLY_WITHIN = Duration.ofSeconds(10);

    private final Vertx vertx;
    private final RedisOptions options;
    private final Duration every;
    private long timer = -1;
    private Future<Void> running = Future.succeededFuture();
    private String lastProblem;
    private long expiredBefore = -1;

    public RedisCompaction(Vertx vertx, RedisConfig config, Duration every) {
        this.vertx = vertx;
        this.every = every;
        this.options = new RedisOptions().setConnectionString(config.url()).setMaxPoolSize(1);
        if (!config.password().isEmpty()) {
            options.setPassword(config.password());
        }
    }

    /** Compacts now, then every {@code every}, until stopped. */
    public void start() {
        if (timer == -1) {
            timer = vertx.setPeriodic(1, every.toMillis(), id -> compact());
        }
    }

    public void stop() {
        vertx.cancelTimer(timer);
        timer = -1;
    }

    /** One pass; a pass still under way is not started twice. */
    Future<Void> compact() {
        if (!running.isComplete()) {
            return running;
        }
        Redis client = Redis.createClient(vertx, options);
        running = client.connect()
                .compose(this::pass)
                .timeout(REPLY_WITHIN.toMillis(), TimeUnit.MILLISECONDS)
                .onSuccess(done -> lastProblem = null)
                .onFailure(this::failed)
                .eventually(client::close);
        return running;
    }

    private Future<Void> pass(RedisConnection redis) {
        return redis.send(Request.cmd(Command.INFO).arg("persistence").arg("stats")).compose(reply -> {
            Map<String, String> info = fields(reply.toString());
            // a key that expires is not a change to the snapshot, but the snapshot still holds it
            long expired = number(info, "expired_keys");
            boolean expiredSince = expired != expiredBefore;
            expiredBefore = expired;
            Future<Void> aof = number(info, "aof_enabled") == 1 && number(info, "aof_rewrite_in_progress") == 0
                    && number(info, "aof_rewrite_scheduled") == 0
                    && number(info, "aof_current_size") > number(info, "aof_base_size")
                    ? redis.send(Request.cmd(Command.BGREWRITEAOF)).mapEmpty()
                    : Future.succeededFuture();
            if ((number(info, "rdb_changes_since_last_save") == 0 && !expiredSince)
                    || number(info, "rdb_bgsave_in_progress") == 1) {
                return aof;
            }
            // SCHEDULE: after the rewrite just asked for, rather than refused because of it
            return aof.compose(asked -> snapshots(redis))
                    .compose(save -> save ? redis.send(Request.cmd(Command.BGSAVE).arg("SCHEDULE")).mapEmpty()
                            : Future.<Void>succeededFuture());
        });
    }

    /** Whether Redis keeps snapshots at all; if CONFIG is not allowed, it is assumed to (a fresh one costs little). */
    private static Future<Boolean> snapshots(RedisConnection redis) {
        return redis.send(Request.cmd(Command.CONFIG).arg("GET").arg("save"))
                .map(reply -> reply.size() < 2 || !reply.get(1).toString().isBlank())
                .otherwise(true);
    }

    private void failed(Throwable failure) {
        String problem = failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage().lines().findFirst().orElse("");
        if (!problem.equals(lastProblem)) {
            LOG.warn("store.redis.compaction.failed reason=\"{}\"", problem);
        }
        lastProblem = problem;
    }

    private static Map<String, String> fields(String info) {
        Map<String, String> fields = new HashMap<>();
        info.lines().forEach(line -> {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        });
        return fields;
    }

    private static long number(Map<String, String> info, String field) {
        try {
            return Long.parseLong(info.getOrDefault(field, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
