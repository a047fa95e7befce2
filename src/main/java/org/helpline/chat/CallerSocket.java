package org.helpline.chat;

import java.util.List;
import java.util.Locale;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.ChatLine;
import org.helpline.wire.JsonSocket;

/**
 * One caller's connection: the conversation it is attached to, the messages the page understands, and
 * a heartbeat. Browsers answer a WebSocket ping by themselves; a connection that leaves two pings in a
 * row unanswered is dead or does not read what it is sent, and is closed.
 */
final class CallerSocket {
    private static final short NORMAL_CLOSE = 1000;
    private static final Buffer PING = Buffer.buffer("hb");

    private final ServerWebSocket webSocket;
    private final JsonSocket socket;
    private final String source;
    private ChatSession session;
    private int unanswered;

    /** @param source the caller's address, for the per-source limits only (see {@link ChatSources}) */
    CallerSocket(ServerWebSocket webSocket, JsonSocket socket, String source) {
        this.webSocket = webSocket;
        this.socket = socket;
        this.source = source;
        webSocket.pongHandler(pong -> unanswered = 0);
    }

    /** @return false once the connection has missed two pings in a row (and is being closed) */
    boolean heartbeat() {
        if (webSocket.isClosed()) {
            return false;
        }
        if (++unanswered > 2) {
            socket.close(JsonSocket.POLICY_VIOLATION, "not reading");
            return false;
        }
        webSocket.writePing(PING);
        return true;
    }

    String source() {
        return source;
    }

    ChatSession session() {
        return session;
    }

    void session(ChatSession attached) {
        session = attached;
    }

    void started(ResumeToken token, long reconnectWindowSeconds) {
        socket.send(new JsonObject().put("type", "started").put("token", token.text())
                .put("reconnectWindowSeconds", reconnectWindowSeconds));
    }

    void resumed(ChatSession resumed, long after) {
        JsonArray messages = new JsonArray();
        for (Entry entry : resumed.recordedEntries()) {
            if (entry.seq() > after) {
                messages.add(json(entry));
            }
        }
        JsonObject json = new JsonObject().put("type", "resumed")
                .put("state", resumed.state().name().toLowerCase(Locale.ROOT))
                .put("lastId", resumed.lastRecordedClientId())
                .put("deliveredUpTo", Math.min(resumed.deliveredUpTo(), resumed.recordedSeq()))
                .put("messages", messages);
        if (resumed.state() == ChatSession.State.CONNECTED && resumed.operatorName() != null) {
            json.put("operator", resumed.operatorName());
        }
        if (resumed.endedBy() != null) {
            json.put("endedBy", resumed.endedBy());
        }
        socket.send(json);
    }

    void queue(int position, long waitMinutes) {
        socket.send(new JsonObject().put("type", "queue").put("position", position).put("waitMinutes", waitMinutes));
    }

    void connected(String operatorName) {
        JsonObject json = new JsonObject().put("type", "connected");
        if (operatorName != null) {
            json.put("operator", operatorName);
        }
        socket.send(json);
    }

    /** The operator handed the conversation on; another one will continue it. */
    void transferred() {
        socket.send(new JsonObject().put("type", "transferred"));
    }

    void message(Entry entry) {
        socket.send(json(entry));
    }

    /** @param delivered whether the message already reached the operator's console (else a later {@code delivered} says so) */
    void ack(long id, long seq, boolean delivered) {
        JsonObject ack = new JsonObject().put("type", "ack").put("id", id).put("seq", seq);
        if (delivered) {
            ack.put("delivered", true);
        }
        socket.send(ack);
    }

    void delivered(long upTo) {
        socket.send(new JsonObject().put("type", "delivered").put("upTo", upTo));
    }

    void typing() {
        socket.send(new JsonObject().put("type", "typing"));
    }

    void ended(String by) {
        socket.send(new JsonObject().put("type", "ended").put("by", by));
    }

    void closed(String reason) {
        socket.send(new JsonObject().put("type", "closed").put("reason", reason));
    }

    /** No conversation was started: the caller is told why, and the connection closes, holding nothing. */
    void turnedAway(String reason) {
        closed(reason);
        socket.close(NORMAL_CLOSE, reason);
    }

    /** The caller's request, or null once it has been refused. */
    CallerRequest parseOrRefuse(JsonObject message, List<String> languages) {
        return socket.parseOrRefuse(message, m -> CallerRequest.parse(m, languages));
    }

    void refuse(String code, String message, Object requestId) {
        socket.refuse(code, message, requestId);
    }

    void error(String code, String message) {
        socket.sendError(code, message, null);
    }

    /** The same conversation was resumed on another connection (another tab): this one stops, without retrying. */
    void replaced() {
        session = null;
        socket.sendError("replaced", "this conversation continues in another window", null);
        socket.close(NORMAL_CLOSE, "replaced");
    }

    private static JsonObject json(Entry entry) {
        JsonObject json = new JsonObject().put("type", "message").put("seq", entry.seq())
                .put("from", entry.from().name().toLowerCase(Locale.ROOT))
                .put("text", entry.text()).put("sentAt", entry.sentAt().toString());
        if (entry.fromCaller() && entry.clientId() > 0) {
            json.put("id", entry.clientId());
        }
        if (ChatLine.bySupervisor(entry.operatorId())) {
            json.put("as", "helpline"); // a supervisor who joined: the caller sees the helpline, not a person
        }
        return json;
    }
}
