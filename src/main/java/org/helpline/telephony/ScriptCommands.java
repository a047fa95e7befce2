package org.helpline.telephony;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.vertx.core.Future;
import org.helpline.bus.CommandSender;
import org.helpline.core.Command;
import org.helpline.core.RejectedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands from AGI scripts, which run on their own (virtual) threads and may block: each waits for
 * the dispatch's reply at most {@code replyTimeout}, because a caller is waiting in silence meanwhile.
 */
final class ScriptCommands {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptCommands.class);

    private final CommandSender sender;
    private final Duration replyTimeout;

    ScriptCommands(CommandSender sender, Duration replyTimeout) {
        this.sender = sender;
        this.replyTimeout = replyTimeout;
    }

    CommandSender sender() {
        return sender;
    }

    /**
     * Waits for a reply.
     *
     * @throws RejectedCommand     the router refused (e.g. an unknown contact)
     * @throws DispatchUnavailable no reply in time, or nobody to send it to
     */
    <T> T await(Future<T> reply) {
        try {
            return reply.await(replyTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedCommand rejected) {
            throw rejected;
        } catch (TimeoutException e) {
            throw new DispatchUnavailable("no reply from the dispatch within " + replyTimeout.toMillis() + "ms", e);
        } catch (Exception e) { // Future.await() rethrows whatever the reply failed with
            throw new DispatchUnavailable("the dispatch failed: " + e.getMessage(), e);
        }
    }

    /** Sends without waiting: the caller must not wait for bookkeeping. */
    void tell(Command command) {
        sender.contact(command).onFailure(e -> LOG.debug("telephony.command.refused command={} reason=\"{}\"",
                command.getClass().getSimpleName(), e.getMessage()));
    }
}
