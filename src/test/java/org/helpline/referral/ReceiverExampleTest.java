package org.helpline.referral;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.helpline.store.MemoryStore;
import org.helpline.testing.Eventually;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The partners' example receiver (ops/referral-receiver/receiver.py) against the real outbox, on the real clock. */
@DisplayName("example receiver for partners")
class ReceiverExampleTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path SCRIPT = Path.of("ops", "referral-receiver", "receiver.py");

    @TempDir
    Path store;
    private final int port = TestServer.freePort();
    private final HttpClient http = HttpClient.newHttpClient();
    private Process receiver;
    private Vertx vertx;

    @BeforeEach
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(PYTHON), "python3 is not installed");
        ProcessBuilder builder = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), "--port", Integer.toString(port),
                "--store", store.resolve("referrals").toString());
        builder.environment().put("HELPLINE_SECRET", ReferralFixture.SECRET);
        builder.redirectErrorStream(true);
        receiver = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).as("the receiver starts").startsWith("listening on");
        Thread.ofVirtual().start(() -> out.lines().forEach(line -> { })); // keep its log flowing
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (vertx != null) {
            vertx.close().await();
        }
        if (receiver != null) {
            receiver.destroy();
            receiver.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private String endpoint() {
        return "http://127.0.0.1:" + port + "/helpline/referrals";
    }

    private int post(String reference, long timestamp, String signature, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint()))
                .header("Content-Type", "application/json")
                .header(Signature.TIMESTAMP, Long.toString(timestamp))
                .header(Signature.SIGNATURE, signature)
                .header(Signature.IDEMPOTENCY_KEY, reference)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void takesInASignedReferralOnceAndRefusesForgedOrStaleOnes() throws Exception {
        ReferralDesk desk = new ReferralDesk(ReferralFixture.config(endpoint()), new MemoryStore(Clock.systemUTC()),
                Clock.systemUTC(), ReferralFixture.indicators());
        vertx.deployVerticle(desk).await();

        String reference = desk.open(ReferralFixture.adultWithConsent(), "ana").await().reference();
        Eventually.until(() -> "delivered".equals(desk.statuses(null).await().getFirst().getString("status")),
                "the receiver acknowledged");

        Path kept = store.resolve("referrals").resolve(reference + ".json");
        byte[] body = Files.readAllBytes(kept);
        assertThat(new JsonObject(new String(body, StandardCharsets.UTF_8)).getString("reference")).isEqualTo(reference);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");

        long now = System.currentTimeMillis() / 1000;
        String secret = ReferralFixture.SECRET;
        assertThat(post(reference, now, Signature.sign(secret, now, body), body)).as("a repeat").isEqualTo(200);
        assertThat(post(reference, now, Signature.sign("another secret of 32 characters!!", now, body), body))
                .as("wrong secret").isEqualTo(401);
        assertThat(post(reference, now - 400, Signature.sign(secret, now - 400, body), body)).as("stale").isEqualTo(401);
        byte[] altered = new String(body, StandardCharsets.UTF_8).replace("labour", "sexual").getBytes(StandardCharsets.UTF_8);
        assertThat(post(reference, now, Signature.sign(secret, now, body), altered)).as("altered body").isEqualTo(401);
        try (var files = Files.list(store.resolve("referrals"))) {
            assertThat(files).hasSize(1);
        }
    }
}
