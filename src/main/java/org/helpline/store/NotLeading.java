package org.helpline.store;

/**
 * Redis refused a write because another server has become the active one since this one's term began:
 * the write is dropped for good (never retried), and this server must stop serving at once.
 */
public final class NotLeading extends RuntimeException {
    public NotLeading(String reason) {
        super(reason, null, false, false);
    }
}
