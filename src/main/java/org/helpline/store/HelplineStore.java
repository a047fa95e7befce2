package org.helpline.store;

import java.time.Duration;
import java.util.List;

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

    /** Whether the store can record right now, for health checks. */
    StoreStatus status();

    Future<Void> close();
}
