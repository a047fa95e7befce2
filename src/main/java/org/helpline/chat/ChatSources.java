package org.helpline.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import org.helpline.config.ChatConfig.PerSourceConfig;
import org.helpline.core.SourceAddress;

/**
 * Limits per source address, so that one client cannot fill the queue for everybody: chats waiting at once,
 * and chats started within a window. A source address lives only here, in memory, for at most the window
 * after its last start: it is never stored, logged or counted anywhere else. Callers in danger now are not
 * limited (the chat room does not ask). A loopback address is not limited either: it is this machine's own
 * reverse proxy (one not listed as trusted would make every caller one source) or a test.
 * Confined to the chat room's context.
 */
final class ChatSources {
    private final Clock clock;
    private final PerSourceConfig limits;
    private final SourceAddress address;
    private final Map<String, Deque<Instant>> starts = new HashMap<>();

    ChatSources(Clock clock, PerSourceConfig limits, List<String> trustedProxies) {
        this.clock = clock;
        this.limits = limits;
        this.address = new SourceAddress(trustedProxies);
    }

    /** The caller's address (see {@link SourceAddress}). */
    String sourceOf(ServerWebSocket webSocket) {
        SocketAddress remote = webSocket.remoteAddress();
        return address.of(remote == null ? null : remote.hostAddress(), webSocket.headers().get(SourceAddress.FORWARDED_FOR));
    }

    /** Whether this source may start one more chat now (and counts it if so), given how many of its chats wait. */
    boolean mayStart(String source, long waitingFromSource) {
        if (isLoopback(source)) {
            return true;
        }
        Instant now = clock.instant();
        Deque<Instant> started = starts.computeIfAbsent(source, s -> new ArrayDeque<>());
        forgetOld(started, now);
        if (waitingFromSource >= limits.maxWaiting() || started.size() >= limits.maxStarts()) {
            if (started.isEmpty()) {
                starts.remove(source);
            }
            return false;
        }
        started.addLast(now);
        return true;
    }

    /** Lets go of sources that started nothing within the window. */
    void sweep() {
        Instant now = clock.instant();
        starts.values().removeIf(started -> {
            forgetOld(started, now);
            return started.isEmpty();
        });
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }

    private void forgetOld(Deque<Instant> started, Instant now) {
        while (!started.isEmpty() && !started.peekFirst().plus(limits.window()).isAfter(now)) {
            started.pollFirst();
        }
    }
}
