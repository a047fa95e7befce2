package org.helpline.leadership;

import io.vertx.core.Future;

/** The lease as leadership uses it (Redis's in production: {@code store.RedisLease}). */
public interface Lease {
    /** This server's new fencing number if it took the lease; 0 if another server holds it. */
    Future<Long> acquire();

    /** Whether this server still holds the lease with this number (renewed for a full time-to-live). */
    Future<Boolean> renew(long fencingNumber);

    /** Gives the lease up at once, if this server still holds it. */
    Future<Void> release(long fencingNumber);

    Future<Void> close();
}
