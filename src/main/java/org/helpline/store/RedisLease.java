package org.helpline.store;

import java.time.Duration;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.helpline.config.StoreConfig.RedisConfig;

/**
 * The leadership lease of two servers sharing one Redis, on a connection of its own (a renewal never waits
 * behind a batch of writes). Taking the lease takes the next fencing number, which the leader's store
 * writes carry (see {@link Fencing}). Each operation is one script, so checking and changing are one step.
 * Use it from one Vert.x context.
 */
public final class RedisLease {
    /** The fencing number outlives any lease: it must only grow while a leader can still be alive. */
    private static final Duration NUMBER_KEPT = Duration.ofDays(7);
    /**
     * The number is at least Redis's clock in milliseconds: should a failover lose the last number (replication
     * is asynchronous), the next leader, at least a lease later, still takes a larger one.
     */
    private static final String ACQUIRE = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local number = redis.call('INCR', KEYS[2])
            if number < now then
              number = now
              redis.call('SET', KEYS[2], string.format('%d', number))
            end
            redis.call('PEXPIRE', KEYS[2], ARGV[3])
            redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. string.format('%d', number), 'PX', ARGV[2])
            return number""";
    /**
     * Renews while this server holds the lease. A lease that lapsed with nobody else taking it (the number is
     * still ours), or a Redis that lost everything (restarted without persistence: both keys gone) leaves
     * nobody else leading, so the lease is taken back with the same number.
     */
    private static final String RENEW = """
            local holder = redis.call('GET', KEYS[1])
            local number = redis.call('GET', KEYS[2])
            if holder == ARGV[1] or (not holder and (not number or number == ARGV[4])) then
              redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
              redis.call('SET', KEYS[2], ARGV[4], 'PX', ARGV[3])
              return 1
            end
            return 0""";
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0""";

    private final RedisLink link;
    private final RedisLayout layout;
    private final String server;
    private final Duration ttl;

    /**
     * @param server a name for this server, shown as the lease's holder (host name and process, never a person)
     * @param ttl    how long the lease lasts unless renewed
     */
    public RedisLease(Vertx vertx, RedisConfig config, String server, Duration ttl) {
        Duration reply = ttl.dividedBy(4);
        this.link = new RedisLink(vertx, config, new RedisTiming(reply, Duration.ofMillis(50), reply, reply, reply));
        this.layout = RedisLayout.of(config);
        this.server = server;
        this.ttl = ttl;
    }

    /** This server's fencing number if it took the lease; 0 if another server holds it. */
    public Future<Long> acquire() {
        return run(ACQUIRE, server, ttl.toMillis(), NUMBER_KEPT.toMillis()).map(Response::toLong);
    }

    /** Whether this server still holds the lease with this number (now renewed for a full TTL). */
    public Future<Boolean> renew(long number) {
        return run(RENEW, holding(number), ttl.toMillis(), NUMBER_KEPT.toMillis(), number).map(r -> r.toLong() == 1);
    }

    /** Gives the lease up at once (a planned switch-over), if this server still holds it. */
    public Future<Void> release(long number) {
        return run(RELEASE, holding(number)).mapEmpty();
    }

    /** Who holds the lease, as "{server} {fencing number}", or null. */
    public Future<String> holder() {
        return link.connection().compose(connection -> link.answerIn(connection,
                connection.send(Request.cmd(Command.GET).arg(layout.lease()))))
                .map(found -> found == null ? null : found.toString());
    }

    public StoreStatus status() {
        return link.status();
    }

    public Future<Void> close() {
        return link.close();
    }

    private String holding(long number) {
        return server + " " + number;
    }

    private Future<Response> run(String script, Object... args) {
        Request eval = Request.cmd(Command.EVAL).arg(script).arg(2).arg(layout.lease()).arg(layout.fencingNumber());
        for (Object arg : args) {
            eval.arg(String.valueOf(arg));
        }
        return link.connection().compose(connection -> link.answerIn(connection, connection.send(eval))
                .recover(failure -> Future.failedFuture(link.lost(connection, link.describe(failure)))));
    }
}
