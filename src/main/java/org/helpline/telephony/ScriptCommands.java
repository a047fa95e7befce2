package org.helpline.telephony;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.helpline.bus.CommandSender;
import org.helpline.core.Command;
import org.helpline.core.RejectedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands from AGI scripts, which run on threads of their own and may block: each waits for
 * the dispatch's reply at most {@code replyTimeout}, because a caller is waiting in silence meanwhile.
 *
 * <p>Commands leave from the room's own context, which also hears the calls' events: the reply and the
 * event of one command wake one event loop, not two. Sent straight from a script's thread, each command
 * would get a new Vert.x context (a thread outside Vert.x has none of its own) and schedule its reply
 * timer across threads.
 */
final class ScriptCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptCommands.class);

    private final Context context;
    private final CommandSender sender;
    private final Duration replyTimeout;

    ScriptCommands(Vertx vertx, Context context, Duration replyTimeout) {
        this.context = context;
        this.sender = new CommandSender(vertx);
        this.replyTimeout = replyTimeout;
    }

    /**
     * Asks the dispatch and waits for the reply.
     *
     * @throws RejectedCommand     the router refused (e.g. an unknown contact)
     * @throws DispatchUnavailable no reply in time, or nobody to send it to
     */
    <T> T ask(Function<CommandSender, Future<T>> question) {
        return ask(question, late -> { });
    }

    /** The same; a reply that comes after the wait was given up goes to {@code ifTooLate}. */
    <T> T ask(Function<CommandSender, Future<T>> question, Consumer<T> ifTooLate) {
        CompletableFuture<T> reply = new CompletableFuture<>();
        context.runOnContext(v -> question.apply(sender).onComplete(reply::complete, reply::completeExceptionally));
        try {
            return reply.get(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reply.thenAccept(ifTooLate);
            throw new DispatchUnavailable("no reply from the dispatch within " + replyTimeout.toMillis() + "ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RejectedCommand rejected) {
                throw rejected;
            }
            throw new DispatchUnavailable("the dispatch failed: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DispatchUnavailable("interrupted while waiting for the dispatch", e);
        }
    }

    /** Sends without waiting: the caller must not wait for bookkeeping. */
    void tell(Command command) {
        context.runOnContext(v -> sender.contact(command).onFailure(e -> LOG.debug(
                "telephony.command.refused command={} reason=\"{}\"", command.getClass().getSimpleName(), e.getMessage())));
    }
}
