package org.helpline.telephony;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.vertx.core.Future;
import org.asteriskjava.manager.action.DbDelAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a revoked browser phone's objects from Asterisk's database, and keeps at it: a deletion the AMI link could
 * not carry (it was down) would leave the endpoint and its password working until the server restarts, so its
 * endpoint name is kept and the deletion tried again at each login. Endpoint names only; runs on the call control's
 * context.
 */
final class PhoneDeletions {
    private static final Logger LOG = LoggerFactory.getLogger(PhoneDeletions.class);
    /**
     * No phone is issued while the link is down, so one outage leaves at most one phone per user; beyond this the
     * oldest is let go (the first login after a restart clears the whole family).
     */
    private static final int MAX_WAITING = 1_000;

    private final AmiLink ami;
    private final Set<String> waiting = new LinkedHashSet<>();

    PhoneDeletions(AmiLink ami) {
        this.ami = ami;
    }

    /** DBDelTree of a family that holds nothing answers "Database entry not found", DBDel of a missing key the same. */
    static Future<Void> notFound(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().contains("not found")
                ? Future.succeededFuture() : Future.failedFuture(failure);
    }

    /** Endpoint first: without it nothing can register or be dialled, whatever happens to the rest. */
    Future<Void> delete(String endpoint) {
        return ami.send(new DbDelAction(BrowserPhoneObjects.ENDPOINT, endpoint)).recover(PhoneDeletions::notFound)
                .compose(v -> ami.send(new DbDelAction(BrowserPhoneObjects.AUTH, endpoint)).recover(PhoneDeletions::notFound))
                .compose(v -> ami.send(new DbDelAction(BrowserPhoneObjects.AOR, endpoint)).recover(PhoneDeletions::notFound))
                .onSuccess(v -> {
                    if (waiting.remove(endpoint)) {
                        LOG.info("telephony.browser-phone.deleted-late endpoint={}", endpoint);
                    }
                })
                .onFailure(e -> {
                    LOG.warn("telephony.browser-phone.revoke.failed endpoint={} reason=\"{}\" retry=next-ami-login", endpoint,
                            e.getMessage());
                    keep(endpoint);
                });
    }

    /** A new AMI session: every deletion still waiting is tried again. */
    void retry() {
        List.copyOf(waiting).forEach(this::delete);
    }

    /** The whole family was deleted: nothing is waiting any more. */
    void clearedAll() {
        waiting.clear();
    }

    /** An endpoint name still waiting must not be issued again: the retry would delete the new phone. */
    boolean waiting(String endpoint) {
        return waiting.contains(endpoint);
    }

    private void keep(String endpoint) {
        waiting.add(endpoint);
        if (waiting.size() > MAX_WAITING) {
            String oldest = waiting.iterator().next();
            waiting.remove(oldest);
            LOG.warn("telephony.browser-phone.deletion.dropped endpoint={} reason=\"more than {} waiting\"", oldest, MAX_WAITING);
        }
    }
}
