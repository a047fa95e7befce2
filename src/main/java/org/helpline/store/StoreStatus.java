package org.helpline.store;

/** Up, or down with a reason a person can act on. */
public record StoreStatus(String kind, boolean up, String reason) {
    public static StoreStatus up(String kind) {
        return new StoreStatus(kind, true, null);
    }

    public static StoreStatus down(String kind, String reason) {
        return new StoreStatus(kind, false, reason);
    }
}
