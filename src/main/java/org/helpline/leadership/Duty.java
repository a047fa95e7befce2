package org.helpline.leadership;

import io.vertx.core.Future;

/** What the active server does, started when it wins the lease and stopped when it loses it. */
public interface Duty {
    /** Loads the state, connects Asterisk, opens the ports; every write carries {@code fencingNumber}. */
    Future<Void> take(long fencingNumber);

    /** Stops routing and writing, closes the ports; completes once nothing of the term runs. */
    Future<Void> leave(String reason);
}
