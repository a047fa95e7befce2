package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.vertx.core.json.JsonObject;
import org.helpline.testing.Eventually;
import org.helpline.testing.HelplineProcess;
import org.helpline.testing.RedisSentinels;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.AccountFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on Redis Sentinel, as real processes: the primary dies, a replica is promoted, the server follows it. */
@DisplayName("Redis Sentinel failover")
class SentinelFailoverTest {
    /** Deadlines, not timings: a JVM and five Redis processes on a shared, loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private RedisSentinels redis;
    private HelplineProcess server;

    @BeforeEach
    void start() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(TestServer.operator("ana", "ro"));
        redis = RedisSentinels.start(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        redis.close();
    }

    @Test
    void whenThePrimaryDiesTheServerFollowsThePromotedReplicaWithoutARestart() {
        server = HelplineProcess.launch(dir, "server", """
                store:
                  type: redis
                  redis:
                    keyPrefix: "helpline-test:"
                    sentinel: { masterName: "%s", nodes: "%s", waitReplicas: 1 }
                """.formatted(RedisSentinels.MASTER, redis.nodes()));
        until(server::ready, "the server is ready");
        SocketProbe ana = availableConsole();
        talk(ana, 1);

        long pid = server.pid();
        redis.killPrimary();
        long died = System.nanoTime();
        until(() -> redis.primaryNow() == redis.replicaPort(), "the sentinels promote the replica");
        long promoted = System.nanoTime();
        until(() -> redis.cli(redis.replicaPort(), "ROLE").startsWith("master"), "the replica is the primary");

        // the operator's console may have been closed while the store was down: she signs in again if so
        SocketProbe console = ana.isClosed() ? availableConsole() : ana;
        talk(console, 2);
        System.out.printf("sentinel failover: replica promoted after %d ms, a chat served again after %d ms%n",
                (promoted - died) / 1_000_000, (System.nanoTime() - died) / 1_000_000);
        assertThat(server.pid()).as("the same process, not restarted").isEqualTo(pid);
        assertThat(server.alive()).isTrue();
        assertThat(redis.cli(redis.replicaPort(), "--scan", "--pattern", "helpline-test:*"))
                .as("the new chat is written on the promoted replica").isNotBlank();
    }

    /**
     * A caller starts a chat, the operator accepts it, and the caller's message is acknowledged. A chat starts
     * only once Redis has it: while the server cannot reach the new primary it answers {@code unavailable}, and
     * the caller asks again, as the page does, once the server says its store is back.
     */
    private void talk(SocketProbe ana, int round) {
        SocketProbe caller = server.caller();
        JsonObject[] started = new JsonObject[1];
        until(() -> {
            if (!storeUp()) {
                return false;
            }
            caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble").put("danger", false));
            started[0] = caller.next(m -> "started".equals(m.getString("type")) || "error".equals(m.getString("type")),
                    "the chat's start in round " + round);
            return !"unavailable".equals(started[0].getString("code"));
        }, "the chat starts in round " + round);
        assertThat(started[0].getString("type")).as(started[0].encode()).isEqualTo("started");
        String contactId = ana.next("offer").getJsonObject("contact").getString("id");
        ana.send(new JsonObject().put("type", "accept").put("contactId", contactId).put("id", 100 + round));
        caller.next("connected");
        caller.send(new JsonObject().put("type", "say").put("text", "round " + round).put("id", 1));
        JsonObject ack = caller.next(m -> "ack".equals(m.getString("type")) || "error".equals(m.getString("type")),
                "the message's ack in round " + round);
        assertThat(ack.getString("type")).as(ack.encode()).isEqualTo("ack");
        assertThat(ack.getLong("seq")).isEqualTo(1);
        caller.close();
    }

    private boolean storeUp() {
        JsonObject health = server.detailedHealth();
        return health != null && "UP".equals(health.getJsonObject("dependencies").getJsonObject("store").getString("status"));
    }

    private SocketProbe availableConsole() {
        SocketProbe console = server.console("ana");
        console.next("welcome");
        console.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 0));
        assertThat(console.next("ack").getJsonObject("operator").getString("state")).isEqualTo("available");
        return console;
    }

    private void until(java.util.function.BooleanSupplier condition, String what) {
        try {
            Eventually.until(condition, what, WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the server's output:\n" + server.output() + "\n" + redis.output(), e);
        }
    }
}
