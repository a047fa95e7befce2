package org.helpline.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vertx.core.Future;
import org.helpline.core.Contact;
import org.helpline.core.HelplineEvent;
import org.helpline.core.Operator;

/**
 * The default store: nothing leaves the process, and a restart forgets everything. Expired values
 * are dropped when read and swept as new ones are written, so memory stays bounded.
 */
public final class MemoryStore implements HelplineStore {
    private static final int SWEEP_EVERY = 1024;

    private final Clock clock;
    private final Map<String, Contact> contacts = new LinkedHashMap<>();
    private final Map<String, Operator> operators = new LinkedHashMap<>();
    private final Map<String, Expiring> values = new HashMap<>();
    private int putsSinceSweep;

    public MemoryStore(Clock clock) {
        this.clock = clock;
    }

    private record Expiring(String value, Instant expiresAt) {}

    @Override
    public synchronized Future<Void> record(List<HelplineEvent> changes) {
        for (HelplineEvent change : changes) {
            switch (change) {
                case HelplineEvent.ContactChanged c when c.contact().state().isFinal() -> contacts.remove(c.contact().id());
                case HelplineEvent.ContactChanged c -> contacts.put(c.contact().id(), c.contact());
                case HelplineEvent.OperatorChanged o -> operators.put(o.operator().id(), o.operator());
                case HelplineEvent.UrgentContactWaiting u -> contacts.put(u.contact().id(), u.contact());
            }
        }
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<SavedState> load() {
        return Future.succeededFuture(new SavedState(List.copyOf(contacts.values()), List.copyOf(operators.values())));
    }

    @Override
    public synchronized Future<Void> put(String key, String value, Duration ttl) {
        if (++putsSinceSweep >= SWEEP_EVERY) {
            Instant now = clock.instant();
            values.values().removeIf(v -> !v.expiresAt().isAfter(now));
            putsSinceSweep = 0;
        }
        values.put(key, new Expiring(value, clock.instant().plus(ttl)));
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<String> get(String key) {
        Expiring found = values.get(key);
        if (found != null && !found.expiresAt().isAfter(clock.instant())) {
            values.remove(key);
            found = null;
        }
        return Future.succeededFuture(found == null ? null : found.value());
    }

    @Override
    public synchronized Future<Void> delete(String key) {
        values.remove(key);
        return Future.succeededFuture();
    }

    @Override
    public synchronized Future<Map<String, String>> entries(String keyPrefix) {
        Instant now = clock.instant();
        Map<String, String> found = new TreeMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(keyPrefix) && value.expiresAt().isAfter(now)) {
                found.put(key, value.value());
            }
        });
        return Future.succeededFuture(found);
    }

    @Override
    public synchronized Future<Integer> sweepExpired() {
        Instant now = clock.instant();
        int before = values.size();
        values.values().removeIf(v -> !v.expiresAt().isAfter(now));
        putsSinceSweep = 0;
        return Future.succeededFuture(before - values.size());
    }

    @Override
    public StoreStatus status() {
        return StoreStatus.up("memory");
    }

    @Override
    public Future<Void> close() {
        return Future.succeededFuture();
    }
}
