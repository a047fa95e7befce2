package org.helpline.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vertx.core.Future;
import org.helpline.core.HelplineEvent;

/**
 * Records what the router decided, so that a restart loses no waiting contact, and keeps small
 * expiring values (sessions, throttles). Writes complete in the order they were made.
 */
public interface HelplineStore {

    /** Records contacts and operators as the events leave them; final contacts are deleted. */
    Future<Void> record(List<HelplineEvent> changes);

    /** Everything recorded and not yet expired. */
    Future<SavedState> load();

    Future<Void> put(String key, String value, Duration ttl);

    /** The value, or null when it is absent or expired. */
    Future<String> get(String key);

    Future<Void> delete(String key);

    /**
     * Every value not yet expired whose key starts with {@code keyPrefix}, by key: a snapshot for rooms that
     * keep their own records (the referral outbox reads its records back on start). Values written while it
     * runs may be missing; reads see writes not yet acknowledged, as {@link #get} does.
     */
    Future<Map<String, String>> entries(String keyPrefix);

    /**
     * Drops values whose time to live has passed and answers how many; Redis expires keys by itself and
     * answers 0. The retention sweeper calls it, so that nothing outlives its TTL in memory either.
     */
    Future<Integer> sweepExpired();

    /** Whether the store can record right now, for health checks. */
    StoreStatus status();

    Future<Void> close();
}
