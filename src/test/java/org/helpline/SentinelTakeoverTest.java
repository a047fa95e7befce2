package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
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
        until(a::ready, "a becomes the active server");
        HelplineProcess b = launch("b");
        until(() -> "standby".equals(b.role()), "b stands by, warm");

        SocketProbe ana = a.console("ana");
        ana.next("welcome");
        ana.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", "available"));
        ana.next(m -> "ack".equals(m.getString("type")) && "available".equals(m.getString("id")), "the presence's ack");
        SocketProbe caller = a.caller();
        String token = started(caller);
        String contactId = ana.next("offer").getJsonObject("contact").getString("id");
        ana.send(new JsonObject().put("type", "accept").put("contactId", contactId).put("id", "accept"));
        caller.next("connected");
        for (int id = 1; id <= 3; id++) {
            int said = id;
            caller.send(new JsonObject().put("type", "say").put("text", "message " + id).put("id", id));
            caller.next(m -> "ack".equals(m.getString("type")) && m.getInteger("id") == said, "the ack of message " + id);
        }
        for (int i = 0; i < 10; i++) {
            started(a.caller());
        }
        List<String> queueBefore = waiting(a);
        assertThat(queueBefore).hasSize(10);

        redis.killPrimary();
        long died = System.nanoTime();
        until(() -> a.output().contains("leadership.stepping_down"), "a steps down while Redis fails over");
        until(() -> a.ready() || b.ready(), "a server serves again on the promoted replica");
        System.out.printf("sentinel failover with two servers: serving again after %d ms%n", (System.nanoTime() - died) / 1_000_000);
        HelplineProcess active = a.ready() ? a : b;
        assertThat(redis.primaryNow()).as("the sentinels promoted the replica").isEqualTo(redis.replicaPort());

        assertThat(waiting(active)).as("every waiting chat, in the same order").isEqualTo(queueBefore);
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

    private static String started(SocketProbe caller) {
        caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble").put("danger", false));
        JsonObject answer = caller.next(m -> "started".equals(m.getString("type")) || "error".equals(m.getString("type"))
                || "closed".equals(m.getString("type")), "the chat's start");
        assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("started");
        return answer.getString("token");
    }

    /** The contacts the supervisor view lists as waiting, in the order they will be offered. */
    private static List<String> waiting(HelplineProcess server) {
        SocketProbe view = server.supervisor("sofia");
        JsonArray contacts = view.next("snapshot").getJsonArray("contacts");
        view.close();
        return contacts.stream().map(JsonObject.class::cast).filter(c -> "queued".equals(c.getString("state")))
                .map(c -> c.getString("id")).toList();
    }

    private HelplineProcess launch(String name) {
        HelplineProcess server = HelplineProcess.start(dir, name, TestServer.freePort(), """
                auth: { accountsFile: "accounts.json", hashIterations: 1000 }
                telephony:
                  enabled: false
                  openingHours: { zone: UTC, weekly: { monday: "00:00-23:59", tuesday: "00:00-23:59", wednesday: "00:00-23:59",
                                  thursday: "00:00-23:59", friday: "00:00-23:59", saturday: "00:00-23:59", sunday: "00:00-23:59" } }
                routing: { tickInterval: 20ms, chatCapacity: 1 }
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

    private void until(java.util.function.BooleanSupplier condition, String what) {
        try {
            Eventually.until(condition, what, WAIT);
        } catch (AssertionError e) {
            StringBuilder output = new StringBuilder();
            servers.forEach(s -> output.append("== ").append(s).append('\n').append(s.output()));
            throw new AssertionError(e.getMessage() + "; the servers' output:\n" + output + "\n" + redis.output(), e);
        }
    }
}
