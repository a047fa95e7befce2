package org.helpline.store;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisClientType;
import io.vertx.redis.client.RedisRole;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.helpline.config.StoreConfig.RedisConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to Redis, opened on first use and reopened with backoff whenever it is lost:
 * the Vert.x client does not reconnect by itself. Everything goes through it, so Redis sees commands
 * in the order they were sent. Confined to the store's context, except {@link #status()}.
 */
final class RedisLink {
    private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);
    /** Replies a connection may wait for; a full batch is at most 3 commands a key. */
    private static final int MAX_WAITING_REPLIES = 8192;

    private final Vertx vertx;
    private final RedisOptions options;
    private final String address;
    private final String password;
    private final RedisTiming timing;
    private Runnable onUp = () -> {
    };
    private Redis client;
    private RedisConnection connection;
    private Future<RedisConnection> opening;
    private long retryTimer = -1;
    private long heartbeatTimer = -1;
    private Duration nextRetry;
    private boolean closed;
    private volatile StoreStatus status;

    RedisLink(Vertx vertx, RedisConfig config, RedisTiming timing) {
        this.vertx = vertx;
        this.timing = timing;
        this.address = config.sentinel().enabled()
                ? "the primary '" + config.sentinel().masterName() + "' of the sentinels" : addressOf(config.url());
        this.password = config.password();
        this.nextRetry = timing.firstRetry();
        this.options = new RedisOptions();
        if (config.sentinel().enabled()) {
            // each (re)connection asks the sentinels for the primary of the moment: a failover is followed
            options.setType(RedisClientType.SENTINEL).setRole(RedisRole.MASTER)
                    .setMasterName(config.sentinel().masterName()).setEndpoints(config.sentinel().addresses());
        } else {
            options.setConnectionString(config.url());
        }
        options.setMaxPoolSize(1).setMaxWaitingHandlers(MAX_WAITING_REPLIES);
        options.getNetClientOptions().setConnectTimeout((int) timing.reply().toMillis());
        if (!password.isEmpty()) {
            options.setPassword(password);
        }
        this.status = StoreStatus.down("redis", "not connected to " + address + " yet");
    }

    /** Runs each time the link comes up, on the store's context. */
    void onUp(Runnable action) {
        this.onUp = action;
    }

    StoreStatus status() {
        return status;
    }

    String address() {
        return address;
    }

    /**
     * The open connection; or the outcome of the attempt under way (the first one included); or, while
     * waiting to retry, an immediate failure: callers fail fast rather than queue behind a dead Redis.
     */
    Future<RedisConnection> connection() {
        if (closed) {
            return Future.failedFuture(new StoreUnavailable("the store is closed"));
        }
        if (connection != null) {
            return Future.succeededFuture(connection);
        }
        if (opening != null) {
            return opening;
        }
        if (retryTimer != -1) {
            return Future.failedFuture(unavailable());
        }
        return open();
    }

    /** Drops a connection that failed a request or stopped answering; the next one starts clean. */
    StoreUnavailable lost(RedisConnection failed, String reason) {
        if (failed == connection && !closed) {
            connection = null;
            client.close();
            client = null;
            down("lost the connection to " + address + ": " + reason);
        }
        return unavailable();
    }

    /**
     * Bounds a request's wait for Redis. A connection that let one time out is dropped: it may be
     * stuck (a paused or partitioned Redis), and only a new connection tells.
     */
    <T> Future<T> answerIn(RedisConnection used, Future<T> request) {
        return request.timeout(timing.reply().toMillis(), TimeUnit.MILLISECONDS).onFailure(failure -> {
            if (failure instanceof TimeoutException) {
                lost(used, describe(failure));
            }
        });
    }

    /** Writes are going through again: the next outage starts with a short retry. */
    void healthy() {
        nextRetry = timing.firstRetry();
    }

    Future<Void> close() {
        closed = true;
        vertx.cancelTimer(retryTimer);
        vertx.cancelTimer(heartbeatTimer);
        retryTimer = -1;
        connection = null;
        status = StoreStatus.down("redis", "the store is closed");
        Redis last = client;
        client = null;
        return last == null ? Future.succeededFuture() : last.close();
    }

    /** Why the link is down, free of the password even if an error message were to echo it. */
    String describe(Throwable cause) {
        if (cause instanceof TimeoutException) {
            return "no answer within " + timing.reply().toMillis() + " ms";
        }
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        // a failed batch lists one line per failed command: the first says enough
        message = message.lines().findFirst().orElse(message);
        if (message.contains("WRONGPASS") || message.contains("NOAUTH")) {
            message = "authentication failed (check store.redis.password): " + message;
        }
        return password.isEmpty() ? message : message.replace(password, "***");
    }

    private Future<RedisConnection> open() {
        Redis attempt = Redis.createClient(vertx, options);
        client = attempt;
        Promise<RedisConnection> outcome = Promise.promise();
        opening = outcome.future();
        attempt.connect()
                .compose(RedisLink::answers)
                .timeout(timing.reply().toMillis(), TimeUnit.MILLISECONDS)
                .onComplete(result -> opened(attempt, result, outcome));
        return opening;
    }

    private void opened(Redis attempt, AsyncResult<RedisConnection> result, Promise<RedisConnection> outcome) {
        opening = null;
        if (closed || client != attempt) {
            attempt.close();
            outcome.fail(unavailable());
        } else if (result.succeeded()) {
            up(result.result());
            outcome.complete(result.result());
        } else {
            client = null;
            attempt.close();
            down("cannot connect to " + address + ": " + describe(result.cause()));
            outcome.fail(unavailable());
        }
    }

    /** A connection counts once Redis answers on it: with a password missing, the handshake alone passes. */
    private static Future<RedisConnection> answers(RedisConnection opened) {
        return opened.send(Request.cmd(Command.PING)).map(pong -> opened);
    }

    private void up(RedisConnection opened) {
        opened.exceptionHandler(error -> lost(opened, describe(error)));
        opened.endHandler(end -> lost(opened, "Redis closed the connection"));
        connection = opened;
        status = StoreStatus.up("redis");
        LOG.info("store.redis.up address={}", address);
        if (heartbeatTimer == -1) {
            heartbeatTimer = vertx.setPeriodic(timing.heartbeat().toMillis(), id -> heartbeat());
        }
        onUp.run();
    }

    /** A partitioned or frozen Redis closes nothing: only a request left unanswered shows it. */
    private void heartbeat() {
        if (connection != null) {
            answerIn(connection, connection.send(Request.cmd(Command.PING)));
        }
    }

    private void down(String reason) {
        long delay = nextRetry.toMillis();
        Duration doubled = nextRetry.multipliedBy(2);
        nextRetry = doubled.compareTo(timing.longestRetry()) > 0 ? timing.longestRetry() : doubled;
        if (!reason.equals(status.reason())) {
            LOG.warn("store.redis.down reason=\"{}\" retryInMs={}", reason, delay);
        }
        status = StoreStatus.down("redis", reason);
        retryTimer = vertx.setTimer(delay, id -> {
            retryTimer = -1;
            if (!closed && connection == null && opening == null) {
                open();
            }
        });
    }

    private StoreUnavailable unavailable() {
        return new StoreUnavailable(closed ? "the store is closed" : status.reason());
    }

    private static String addressOf(String url) {
        URI uri = URI.create(url);
        return uri.getHost() + ":" + (uri.getPort() == -1 ? 6379 : uri.getPort());
    }
}
