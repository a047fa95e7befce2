package org.helpline.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The latest change Redis must make to one key; a newer change to the same key replaces it. */
sealed interface PendingWrite {

    String key();

    /** The commands that bring Redis to this write as of {@code now}, each as its words. */
    List<List<String>> commands(Instant now);

    /**
     * A value that lives until {@code expiresAt}, listed in {@code index} when there is one. The TTL is
     * worked out when the write is sent, so a write held back while Redis was away expires on time.
     */
    record Put(String key, String value, Instant expiresAt, Index index) implements PendingWrite {
        @Override
        public List<List<String>> commands(Instant now) {
            long ttlMillis = Duration.between(now, expiresAt).toMillis();
            if (ttlMillis <= 0) {
                return new Remove(key, index).commands(now);
            }
            List<List<String>> commands = new ArrayList<>(3);
            commands.add(List.of("SET", key, value, "PX", Long.toString(ttlMillis)));
            if (index != null) {
                commands.add(List.of("ZADD", index.key(), Double.toString(index.score()), index.member()));
                commands.add(List.of("PEXPIRE", index.key(), Long.toString(index.ttl().toMillis())));
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
        public List<List<String>> commands(Instant now) {
            List<List<String>> commands = new ArrayList<>(2);
            commands.add(List.of("DEL", key));
            if (index != null) {
                commands.add(List.of("ZREM", index.key(), index.member()));
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
