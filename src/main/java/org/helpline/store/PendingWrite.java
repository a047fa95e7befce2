package org.helpline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;

/** The latest change Redis must make to one key; a newer change to the same key replaces it. */
sealed interface PendingWrite {

    String key();

    /** The commands that bring Redis to this write as of {@code now}. */
    List<Request> commands(Instant now);

    /**
     * A value that lives until {@code expiresAt}, listed in {@code index} when there is one. The TTL is
     * worked out when the write is sent, so a write held back while Redis was away expires on time.
     */
    record Put(String key, String value, Instant expiresAt, Index index) implements PendingWrite {
        @Override
        public List<Request> commands(Instant now) {
            long ttlMillis = Duration.between(now, expiresAt).toMillis();
            if (ttlMillis <= 0) {
                return new Remove(key, index).commands(now);
            }
            List<Request> commands = new ArrayList<>(3);
            commands.add(Request.cmd(Command.SET).arg(key).arg(value).arg("PX").arg(ttlMillis));
            if (index != null) {
                commands.add(Request.cmd(Command.ZADD).arg(index.key()).arg(index.score()).arg(index.member()));
                commands.add(Request.cmd(Command.PEXPIRE).arg(index.key()).arg(index.ttl().toMillis()));
            }
            return commands;
        }

        /** The value as it would read now: null once it has expired. */
        String valueAt(Instant now) {
            return expiresAt.isAfter(now) ? value : null;
        }
    }

    record Remove(String key, Index index) implements PendingWrite {
        @Override
        public List<Request> commands(Instant now) {
            List<Request> commands = new ArrayList<>(2);
            commands.add(Request.cmd(Command.DEL).arg(key));
            if (index != null) {
                commands.add(Request.cmd(Command.ZREM).arg(index.key()).arg(index.member()));
            }
            return commands;
        }
    }

    /**
     * A record's entry in the sorted set that lists its kind. The set's TTL is refreshed with every write
     * to the longest a member can live, so it always outlives its members and is never left without one.
     */
    record Index(String key, String member, double score, Duration ttl) {}
}
