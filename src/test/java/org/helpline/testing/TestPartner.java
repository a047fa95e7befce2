package org.helpline.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

/**
 * A referral partner's webhook on a fixed local port, with its own Vert.x: it can be down, then up again,
 * answer with a bad status, or take a request and never answer (slow). It keeps every request it received
 * and, as the webhook documentation asks of partners, treats a repeated Idempotency-Key as already done.
 * Blocking methods: call them from the test thread.
 */
public final class TestPartner implements AutoCloseable {
    public enum Answer { ACCEPT, FAIL_503, REFUSE_400, HOLD }

    /** One request as it arrived. */
    public record Received(String idempotencyKey, String timestamp, String signature, String contentType, byte[] body) {
        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private final Vertx vertx = Vertx.vertx();
    private final int port = TestServer.freePort();
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> accepted = Collections.synchronizedSet(new LinkedHashSet<>());
    private final List<HttpServerRequest> held = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger duplicates = new AtomicInteger();
    private volatile Answer answer = Answer.ACCEPT;
    private HttpServer server;

    /** Listening, accepting everything. */
    public static TestPartner up() {
        TestPartner partner = new TestPartner();
        partner.start();
        return partner;
    }

    /** Not listening yet: connections are refused until {@link #start()}. */
    public static TestPartner down() {
        return new TestPartner();
    }

    public String endpoint() {
        return "http://localhost:" + port + "/helpline/referrals";
    }

    public void answer(Answer answer) {
        this.answer = answer;
    }

    public synchronized void start() {
        if (server == null) {
            server = vertx.createHttpServer().requestHandler(this::handle).listen(port, "localhost").await();
        }
    }

    /** Stops listening, dropping any request it held. */
    public synchronized void stop() {
        if (server != null) {
            server.close().await();
            server = null;
        }
    }

    private void handle(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            Received one = new Received(request.getHeader("Idempotency-Key"), request.getHeader("X-Helpline-Timestamp"),
                    request.getHeader("X-Helpline-Signature"), request.getHeader("Content-Type"), body.getBytes());
            received.add(one);
            switch (answer) {
                case ACCEPT -> {
                    if (!accepted.add(one.idempotencyKey())) {
                        duplicates.incrementAndGet();
                    }
                    request.response().setStatusCode(200).end("{\"received\":true}");
                }
                case FAIL_503 -> request.response().setStatusCode(503).end("down for maintenance");
                case REFUSE_400 -> request.response().setStatusCode(400).end("bad request: we echo nothing");
                case HOLD -> {
                    accepted.add(one.idempotencyKey()); // taken in, but the answer never leaves
                    held.add(request);
                }
            }
        });
    }

    public List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** Distinct references the partner has taken in. */
    public Set<String> accepted() {
        synchronized (accepted) {
            return Set.copyOf(accepted);
        }
    }

    /** Repeats of a reference already taken in, which the partner ignored. */
    public int duplicates() {
        return duplicates.get();
    }

    @Override
    public void close() {
        stop();
        vertx.close().await();
    }
}
