package org.helpline.testing;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

/** A client socket that records what the server sends, for tests to read in order. */
public final class SocketProbe implements AutoCloseable {
    /** A deadline for what must happen, not a measure of speed: as long as the browser tests', as a shared
     *  2-core CI machine can stall for seconds. */
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private final WebSocket socket;
    private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
    private final Promise<Short> closed = Promise.promise();

    private SocketProbe(WebSocket socket) {
        this.socket = socket;
        socket.textMessageHandler(text -> received.add(new JsonObject(text)));
        socket.closeHandler(v -> closed.tryComplete(socket.closeStatusCode()));
    }

    /** Handlers go on as the handshake completes, on the event loop, so no early message is missed. */
    public static SocketProbe connect(WebSocketClient client, WebSocketConnectOptions options) {
        return client.connect(options).map(SocketProbe::new).await();
    }

    public void send(JsonObject message) {
        socket.writeTextMessage(message.encode()).await();
    }

    public void sendText(String text) {
        socket.writeTextMessage(text).await();
    }

    public void sendBinary(byte[] bytes) {
        socket.writeBinaryMessage(Buffer.buffer(bytes)).await();
    }

    /** The next message of this type; messages of other types before it are skipped. */
    public JsonObject next(String type) {
        return next(m -> type.equals(m.getString("type")), "a \"" + type + "\" message");
    }

    public JsonObject next(Predicate<JsonObject> wanted, String description) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                JsonObject message = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
                if (message == null) {
                    throw new AssertionError("no " + description + " within " + PATIENCE);
                }
                if (wanted.test(message)) {
                    return message;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits until the server closes the socket and returns the close code. */
    public short awaitClose() {
        try {
            return closed.future().await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server did not close the socket within " + PATIENCE);
        }
    }

    /** Every message received and not read yet, taken out. */
    public java.util.List<JsonObject> drained() {
        java.util.List<JsonObject> rest = new java.util.ArrayList<>();
        received.drainTo(rest);
        return rest;
    }

    public boolean isClosed() {
        return socket.isClosed();
    }

    @Override
    public void close() {
        socket.close().await();
    }
}
