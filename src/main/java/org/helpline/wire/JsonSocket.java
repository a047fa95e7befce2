package org.helpline.wire;

import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

import io.vertx.core.AsyncResult;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * One client's socket speaking JSON objects with a {@code type}. Every refused message is answered
 * with an error and never reaches the handler; a client that keeps flooding, or stops reading what
 * the server writes, is cut off so it cannot hold the server's memory.
 */
public final class JsonSocket {
    public static final short POLICY_VIOLATION = 1008;
    /** Past this a message (all its fragments) closes the socket with 1009; below it, our own limits answer with an error. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;
    /** The error code of a request the server could not handle (its own trouble, not the request's). */
    public static final String UNAVAILABLE = "unavailable";

    private final ServerWebSocket socket;
    private final SocketLimits limits;
    private final RateLimit rate;
    private int strikes;

    public JsonSocket(ServerWebSocket socket, SocketLimits limits, Clock clock) {
        this.socket = socket;
        this.limits = limits;
        this.rate = new RateLimit(clock, limits.burst(), limits.perSecond());
    }

    public static JsonObject error(String code, String message) {
        return new JsonObject().put("type", "error").put("code", code).put("message", message);
    }

    /** Delivers each acceptable message, already parsed and with a non-empty {@code type}. */
    public void onMessage(Consumer<JsonObject> handler) {
        socket.frameHandler(frame -> {
            if (frame.isBinary()) {
                refuse("text_only", "send JSON text messages", null);
            }
        });
        socket.textMessageHandler(text -> accept(text, handler));
    }

    public void onClose(Runnable handler) {
        socket.closeHandler(v -> handler.run());
    }

    public void send(JsonObject message) {
        sendEncoded(message.encode());
    }

    /** A message already encoded: one sent alike to many clients is encoded once. */
    public void sendEncoded(String message) {
        if (socket.isClosed()) {
            return;
        }
        if (socket.writeQueueFull()) {
            socket.close(POLICY_VIOLATION, "not reading");
            return;
        }
        socket.writeTextMessage(message);
    }

    public void sendError(String code, String message, Object requestId) {
        JsonObject error = error(code, message);
        if (requestId != null) {
            error.put("id", requestId);
        }
        send(error);
    }

    /** The request {@code parser} reads from {@code message}, or null once it has been refused with the parser's reason. */
    public <T> T parseOrRefuse(JsonObject message, Function<JsonObject, T> parser) {
        try {
            return parser.apply(message);
        } catch (BadRequest bad) {
            refuse(bad.code(), bad.getMessage(), message.getValue("id"));
            return null;
        }
    }

    /**
     * Answers request {@code requestId}: an {@code ack} with the result's fields, or an {@code error}. A failure
     * {@code refusalCode} names (a rule the request broke) is sent with its code and message; any other is
     * {@link #UNAVAILABLE}, without its internal message.
     */
    public void answer(Object requestId, AsyncResult<JsonObject> done, Function<Throwable, String> refusalCode) {
        if (done.succeeded()) {
            send(done.result().put("type", "ack").put("id", requestId));
            return;
        }
        String code = refusalCode.apply(done.cause());
        if (code != null) {
            sendError(code, done.cause().getMessage(), requestId);
        } else {
            sendError(UNAVAILABLE, "the request could not be handled; try again", requestId);
        }
    }

    public void close(short code, String reason) {
        socket.close(code, reason);
    }

    private void accept(String text, Consumer<JsonObject> handler) {
        if (!rate.tryTake()) {
            refuse("rate_limited", "too many messages; slow down", null);
            return;
        }
        // A char is at most 3 bytes of UTF-8: short messages need no encoding to be measured.
        if (text.length() > limits.maxMessageBytes() / 3 && Buffer.buffer(text).length() > limits.maxMessageBytes()) {
            refuse("too_large", "a message may be at most " + limits.maxMessageBytes() + " bytes", null);
            return;
        }
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            refuse("bad_json", "a message must be one JSON object", null);
            return;
        }
        if (!(message.getValue("type") instanceof String type) || type.isBlank()) {
            refuse("unknown_type", "a message needs a \"type\"", message.getValue("id"));
            return;
        }
        strikes = 0;
        handler.accept(message);
    }

    /** Answers a refused message; too many in a row close the socket. */
    public void refuse(String code, String message, Object requestId) {
        sendError(code, message, requestId);
        if (++strikes >= limits.strikes()) {
            socket.close(POLICY_VIOLATION, code);
        }
    }
}
