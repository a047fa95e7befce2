package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import io.vertx.core.json.JsonObject;
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

/**
 * Two servers with leadership on Redis Sentinel, as real processes: the primary dies, and the failover (the
 * sentinels notice after 1 s, then elect and promote) outlasts what the active server may go without a renewal
 * (1.5 s with the shipped lease). It steps down; once the replica is promoted a server takes the lease again there
 * and serves, with every waiting chat in its place and the open conversation's acknowledged messages, each once.
 */
@DisplayName("two servers on Redis Sentinel")
class SentinelTakeoverTest {
    /** Deadlines, not timings: two JVMs and five Redis processes on a shared, loaded machine. */
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;
    private RedisSentinels redis;
    private final List<HelplineProcess> servers = new ArrayList<>();

    @BeforeEach
    void start() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(TestServer.operator("ana", "ro"));
        accounts.add(TestServer.supervisor("sofia"));
        redis = RedisSentinels.start(dir);
    }

    @AfterEach
    void stop() {
        servers.forEach(HelplineProcess::close);
        redis.close();
    }

    @Test
    void aFailoverLongerThanTheLeaseMakesTheActiveStepDownAndAServerServesAgainWithNothingLost() {
        HelplineProcess a = launch("a");
        until(a, a::ready, "becomes the active server");
        HelplineProcess b = launch("b");
        until(b, () -> "standby".equals(b.role()), "stands by, warm");

        SocketProbe ana = a.console("ana");
        ana.next("welcome");
        ana.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", "available"));
        ana.next(m -> "ack".equals(m.getString("type")) && "available".equals(m.getString("id")), "the presence's ack");
        SocketProbe caller = a.caller();
        String token = HelplineProcess.startChat(caller);
        String contactId = ana.next("offer").getJsonObject("contact").getString("id");
        ana.send(new JsonObject().put("type", "accept").put("contactId", contactId).put("id", "accept"));
        caller.next("connected");
        for (int id = 1; id <= 3; id++) {
            int said = id;
            caller.send(new JsonObject().put("type", "say").put("text", "message " + id).put("id", id));
            caller.next(m -> "ack".equals(m.getString("type")) && m.getInteger("id") == said, "the ack of message " + id);
        }
        for (int i = 0; i < 10; i++) {
            HelplineProcess.startChat(a.caller());
        }
        List<String> queueBefore = a.waiting("sofia");
        assertThat(queueBefore).hasSize(10);

        redis.killPrimary();
        long died = System.nanoTime();
        until(a, () -> a.output().contains("leadership.stepping_down"), "steps down while Redis fails over");
        until(b, () -> a.ready() || b.ready(), "(or a) serves again on the promoted replica");
        System.out.printf("sentinel failover with two servers: serving again after %d ms%n", (System.nanoTime() - died) / 1_000_000);
        HelplineProcess active = a.ready() ? a : b;
        assertThat(redis.primaryNow()).as("the sentinels promoted the replica").isEqualTo(redis.replicaPort());

        assertThat(active.waiting("sofia")).as("every waiting chat, in the same order").isEqualTo(queueBefore);
        SocketProbe back = active.caller();
        back.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
        JsonObject resumed = back.next("resumed");
        assertThat(resumed.getString("state")).isEqualTo("connected");
        assertThat(resumed.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("text")))
                .as("every acknowledged message, each once").containsExactly("message 1", "message 2", "message 3");
        back.send(new JsonObject().put("type", "say").put("text", "message 4").put("id", 4));
        assertThat(back.next(m -> "ack".equals(m.getString("type")) || "error".equals(m.getString("type")), "the new message's answer")
                .getString("type")).as("the conversation goes on").isEqualTo("ack");
        assertThat(a.alive() && b.alive()).as("neither process restarted").isTrue();
    }

    private HelplineProcess launch(String name) {
        HelplineProcess server = HelplineProcess.launch(dir, name, ", chatCapacity: 1", """
                store:
                  type: redis
                  redis:
                    keyPrefix: "helpline-test:"
                    sentinel: { masterName: "%s", nodes: "%s", waitReplicas: 1 }
                    leadership: { enabled: true, server: "%s" }
                """.formatted(RedisSentinels.MASTER, redis.nodes(), name));
        servers.add(server);
        return server;
    }

    /** Waits for what {@code server} does; on failure the message carries its output and the Redis processes'. */
    private void until(HelplineProcess server, BooleanSupplier condition, String what) {
        try {
            server.await(condition, what, WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + redis.output(), e);
        }
    }
}
