package org.helpline.leadership;

import java.time.Clock;
import java.util.function.LongSupplier;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import org.helpline.store.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns for the lease while standing by, renews it while active, and steps down at once when it is lost:
 * renewal refused (another server holds it), no renewal confirmed in time (Redis unreachable, or this process
 * was paused), or the store told that Redis refused a write ({@link #lost}). Time is measured on a monotonic
 * clock, so a paused process notices on waking how long it slept. Everything runs on this verticle's context.
 */
public final class Leadership extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

    private final Lease lease;
    private final Duty duty;
    private final LeaseTiming timing;
    private final Clock clock;
    private final LongSupplier nanos;
    private volatile Standing standing;
    private Future<Void> serving = Future.succeededFuture();
    private boolean asking;
    private String askFailure;
    private boolean renewing;
    private long lastRenewSent;
    private long confirmedAt;
    private long timer = -1;
    private Context own;

    public Leadership(Lease lease, Duty duty, LeaseTiming timing, Clock clock, LongSupplier nanos) {
        this.lease = lease;
        this.duty = duty;
        this.timing = timing;
        this.clock = clock;
        this.nanos = nanos;
        this.standing = new Standing(Role.STANDBY, clock.instant(), 0);
    }

    /** Readable from any thread. */
    public Standing standing() {
        return standing;
    }

    @Override
    public Future<?> start() {
        own = context;
        LOG.info("leadership.standby leaseTtlMs={} renewEveryMs={}", timing.ttl().toMillis(), timing.renewEvery().toMillis());
        timer = vertx.setPeriodic(0, timing.poll().toMillis(), id -> check());
        return Future.succeededFuture();
    }

    /** A planned stop: leaves the duty, then gives the lease up so that a standby takes over at once. */
    @Override
    public Future<?> stop() {
        vertx.cancelTimer(timer);
        return stepDown("shutting down").eventually(lease::close);
    }

    /** Another part of the server learnt that the lease is lost (Redis refused a write): steps down now. */
    public void lost(String reason) {
        own.runOnContext(v -> stepDown(reason));
    }

    private void check() {
        switch (standing.role()) {
            case STANDBY, WARMING_UP -> campaign(); // leadership itself never warms up: HelplineNode reports that
            case TAKING_OVER, ACTIVE -> keep();
            case STEPPING_DOWN -> {
                // waits for the duty to end
            }
        }
    }

    private void campaign() {
        if (asking) {
            return;
        }
        asking = true;
        long sent = nanos.getAsLong();
        lease.acquire().onComplete(result -> {
            asking = false;
            if (result.failed()) {
                cannotAsk(result.cause().getMessage());
                return;
            }
            cannotAsk(null);
            if (result.result() == 0 || standing.role() != Role.STANDBY) {
                return;
            }
            long number = result.result();
            confirmedAt = sent;
            lastRenewSent = sent;
            standing = new Standing(Role.TAKING_OVER, clock.instant(), number);
            LOG.info("leadership.taking_over term={}", Term.of(number));
            serving = here(duty.take(number)).transform(taken -> {
                if (taken.failed() && standing.fencingNumber() == number) {
                    LOG.error("leadership.takeover_failed term={} reason=\"{}\"", Term.of(number), taken.cause().getMessage());
                    standing = new Standing(Role.STEPPING_DOWN, clock.instant(), 0);
                    return end(number, "the takeover failed");
                }
                if (standing.role() == Role.TAKING_OVER && standing.fencingNumber() == number) {
                    standing = new Standing(Role.ACTIVE, clock.instant(), number);
                    LOG.info("leadership.active term={} takeoverMs={}", Term.of(number), (nanos.getAsLong() - sent) / 1_000_000);
                }
                return Future.succeededFuture();
            });
        });
    }

    /** Logs when asking for the lease starts or stops failing, not at every try. */
    private void cannotAsk(String reason) {
        if (reason != null && !reason.equals(askFailure)) {
            LOG.warn("leadership.cannot_ask reason=\"{}\"", reason);
        } else if (reason == null && askFailure != null) {
            LOG.info("leadership.can_ask");
        }
        askFailure = reason;
    }

    private void keep() {
        long now = nanos.getAsLong();
        if (now - confirmedAt > timing.trust().toNanos()) {
            stepDown("the lease was not renewed within " + timing.trust().toMillis() + " ms");
            return;
        }
        if (renewing || now - lastRenewSent < timing.renewEvery().toNanos()) {
            return;
        }
        renewing = true;
        lastRenewSent = now;
        long number = standing.fencingNumber();
        lease.renew(number).onComplete(renewed -> {
            renewing = false;
            if (standing.fencingNumber() != number) {
                return;
            }
            if (renewed.succeeded() && renewed.result()) {
                confirmedAt = Math.max(confirmedAt, now);
            } else if (renewed.succeeded()) {
                stepDown("another server holds the lease");
            } else {
                LOG.warn("leadership.renew_failed term={} reason=\"{}\"", Term.of(number), renewed.cause().getMessage());
            }
        });
    }

    /** The duty's futures complete on the term's own threads: their callbacks come back to this context. */
    private <T> Future<T> here(Future<T> elsewhere) {
        return Future.fromCompletionStage(elsewhere.toCompletionStage(), own);
    }

    /** Ends the term: the duty stops (after its takeover, if one is still under way), then this server stands by. */
    private Future<Void> stepDown(String reason) {
        if (standing.fencingNumber() == 0) {
            return serving;
        }
        long number = standing.fencingNumber();
        LOG.warn("leadership.stepping_down term={} reason=\"{}\"", Term.of(number), reason);
        standing = new Standing(Role.STEPPING_DOWN, clock.instant(), 0);
        serving = serving.eventually(() -> end(number, reason));
        return serving;
    }

    private Future<Void> end(long number, String reason) {
        return here(duty.leave(reason))
                .eventually(() -> here(lease.release(number)))
                .onComplete(done -> {
                    standing = new Standing(Role.STANDBY, clock.instant(), 0);
                    LOG.info("leadership.standby term={}", Term.of(number));
                });
    }
}
