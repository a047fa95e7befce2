package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.vertx.core.Vertx;
import org.helpline.config.ConfigLoader;
import org.helpline.config.HelplineConfig;
import org.helpline.leadership.Role;
import org.helpline.telephony.FakeAsterisk;
import org.helpline.testing.Eventually;
import org.helpline.testing.LogCapture;
import org.helpline.testing.RedisServer;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A standby warms up (a rehearsal, the next term's Vert.x) without touching Redis beyond asking for the lease and
 * without reaching Asterisk; it takes over warm, and after stepping down it is a warm standby again that takes
 * over a second time. Another server's lease is played by writing the lease key directly.
 */
class WarmStandbyTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final LogCapture log = new LogCapture();
    private FakeAsterisk asterisk;
    private Vertx vertx;
    private HelplineNode node;
    private int httpPort;
    private int agiPort;

    @BeforeEach
    void start() {
        asterisk = new FakeAsterisk();
        vertx = Vertx.vertx();
        httpPort = TestServer.freePort();
        agiPort = TestServer.freePort();
    }

    @AfterEach
    void stop() throws IOException {
        if (node != null) {
            node.stop().await();
        }
        vertx.close().await();
        asterisk.close();
        log.close();
    }

    @Test
    void aStandbyWarmsUpWithoutActingAndTakesOverWarmAgainAfterSteppingDown() {
        String lease = REDIS.keyPrefix() + "leader";
        REDIS.call("SET", lease, "other 1", "PX", "600000");
        node = HelplineNode.start(vertx, config(), Clock.systemUTC(), active -> {
        }).await();
        Eventually.until(() -> node.standing().role() == Role.STANDBY, "the standby is warm", WAIT);

        assertThat(log.text()).contains("standby.rehearsed", "standby.warm");
        assertThat(REDIS.keys()).as("nothing written to Redis but by the other server").containsExactly(lease);
        assertThat(asterisk.amiConnections()).as("no AMI connection from a standby").isZero();
        assertThat(listening(agiPort)).as("no AGI port on a standby").isFalse();
        assertThat(status("/ready")).isEqualTo(503);

        REDIS.call("DEL", lease);
        Eventually.until(() -> status("/ready") == 200, "the standby takes over", WAIT);
        assertThat(log.text()).contains("takeover.phase phase=vertx_warm", "takeover.phase phase=state");
        Eventually.until(() -> asterisk.amiConnections() == 1, "the active server logs in to Asterisk", WAIT);
        assertThat(listening(agiPort)).as("the active server answers the AGI").isTrue();

        REDIS.call("SET", lease, "other 1", "PX", "600000");
        Eventually.until(() -> node.standing().role() == Role.STANDBY, "it steps down and is warm again", WAIT);
        assertThat(status("/ready")).isEqualTo(503);
        assertThat(listening(agiPort)).as("the AGI port closed with the term").isFalse();

        REDIS.call("DEL", lease);
        Eventually.until(() -> status("/ready") == 200, "it takes over a second time", WAIT);
        assertThat(log.text().split("takeover.phase phase=vertx_warm", -1)).as("both takeovers warm").hasSize(3);
        assertThat(listening(agiPort)).isTrue();
    }

    private HelplineConfig config() {
        return new ConfigLoader(name -> null).parse("""
                http: { port: %d, publicUrl: "http://localhost:%d" }
                auth: { accountsFile: "%s", hashIterations: 1000 }
                guidance: { directory: "%s" }
                telephony:
                  agi: { port: %d }
                  ami: { port: %d, password: %s, retryMin: 50ms, retryMax: 200ms }
                store:
                  type: redis
                  redis:
                    url: "%s"
                    password: "%s"
                    keyPrefix: "%s"
                    leadership: { enabled: true, server: "warm" }
                """.formatted(httpPort, httpPort, dir.resolve("accounts.json"), Path.of("config", "guidance").toAbsolutePath(),
                agiPort, asterisk.amiPort(), FakeAsterisk.AMI_PASSWORD, REDIS.url(), REDIS.password(), REDIS.keyPrefix()), "test");
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path)).timeout(Duration.ofSeconds(5))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
