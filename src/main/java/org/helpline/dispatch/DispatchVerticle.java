package org.helpline.dispatch;

import java.time.Duration;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import org.helpline.core.Addresses;
import org.helpline.core.Command;
import org.helpline.core.HelplineEvent;
import org.helpline.core.RejectedCommand;
import org.helpline.core.Router;
import org.helpline.store.HelplineStore;
import org.helpline.store.NotLeading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies commands to the router one at a time. Each batch of events is recorded by the store and
 * only then published and replied to, in the order the router made them. If the store cannot record,
 * the server carries on from memory (the store retries) rather than leaving callers unanswered. If the store
 * refuses because another server has become the active one ({@link NotLeading}), nothing of it is published
 * and every command from then on fails: this server's decisions no longer count.
 */
public final class DispatchVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(DispatchVerticle.class);
    /** The failure code of a command sent to a server that is no longer the active one. */
    public static final int NOT_ACTIVE = 503;

    private final Router router;
    private final HelplineStore store;
    private final Duration tickInterval;
    private Future<Void> published = Future.succeededFuture();
    private MessageConsumer<Command> commands;
    private boolean deposed;

    public DispatchVerticle(Router router, HelplineStore store, Duration tickInterval) {
        this.router = router;
        this.store = store;
        this.tickInterval = tickInterval;
    }

    @Override
    public Future<?> start() {
        return store.load().compose(saved -> {
            List<HelplineEvent> restored = router.restore(saved.contacts(), saved.operators());
            LOG.info("dispatch.restored contacts={} operators={}", saved.contacts().size(), saved.operators().size());
            publishAfterRecording(restored);
            vertx.setPeriodic(tickInterval.toMillis(), id -> publishAfterRecording(router.tick()));
            commands = vertx.eventBus().consumer(Addresses.COMMANDS, this::apply);
            return commands.completion();
        });
    }

    @Override
    public Future<?> stop() {
        return published;
    }

    private void apply(Message<Command> message) {
        if (deposed) {
            message.fail(NOT_ACTIVE, "this server is no longer the active one");
            return;
        }
        Router.Outcome outcome;
        try {
            outcome = router.apply(message.body());
        } catch (RejectedCommand rejected) {
            message.reply(rejected);
            return;
        }
        publishAfterRecording(outcome.events()).onComplete(done -> {
            if (deposed) {
                message.fail(NOT_ACTIVE, "this server is no longer the active one");
            } else {
                message.reply(outcome.reply());
            }
        });
    }

    private Future<Void> publishAfterRecording(List<HelplineEvent> events) {
        if (events.isEmpty()) {
            return published;
        }
        Future<Void> recorded = store.record(events);
        if (published.isComplete() && recorded.isComplete()) {
            // the in-memory store records at once: no futures to chain (a call's registration waits on this)
            publish(events, recorded);
            return published;
        }
        published = Future.join(published, recorded).transform(done -> {
            publish(events, recorded);
            return Future.succeededFuture();
        });
        return published;
    }

    private void publish(List<HelplineEvent> events, Future<Void> recorded) {
        if (deposed || recorded.failed() && recorded.cause() instanceof NotLeading) {
            deposed = true;
            return;
        }
        if (recorded.failed()) {
            LOG.warn("store.record.failed events={} reason={}", events.size(), recorded.cause().getMessage());
        }
        for (HelplineEvent event : events) {
            vertx.eventBus().publish(Addresses.of(event), event);
        }
    }
}
