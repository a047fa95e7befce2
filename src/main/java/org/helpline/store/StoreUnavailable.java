package org.helpline.store;

/** The store cannot do what was asked right now (its backend is down, or it is closed); the reason says why. */
public final class StoreUnavailable extends RuntimeException {
    public StoreUnavailable(String reason) {
        super(reason, null, false, false);
    }
}
