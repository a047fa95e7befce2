package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RedisServer;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the server over Redis")
class RestartOverRedisTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    private final FakeClock clock = new FakeClock();

    private static String redisStore() {
        return """
                store:
                  type: redis
                  redis: { url: "%s", password: "%s", keyPrefix: "%s" }
                """.formatted(REDIS.url(), REDIS.password(), REDIS.keyPrefix());
    }

    private TestServer start(Path dir, List<Account> accounts) {
        return TestServer.start(dir, clock, redisStore(), accounts);
    }

    private static Contact arrive(TestServer server, String language, Priority priority) {
        return server.commands().contact(new Command.Enqueue(
                new NewContact(Channel.CHAT, language, "abroad", priority, null))).await();
    }

    private static JsonObject presence(String presence, String reason) {
        return new JsonObject().put("type", "presence").put("presence", presence).put("reason", reason);
    }

    @Test
    void aRestartBringsBackEveryWaitingContactInOrderAndEveryOperatorsPresence(@TempDir Path dir) {
        TestServer before = start(dir, List.of(TestServer.operator("ana", "ro"), TestServer.operator("bogdan", "en")));
        SocketProbe ana = before.console("ana");
        ana.next("welcome");
        ana.send(presence("paused", "training"));
        ana.next("ack");
        SocketProbe bogdan = before.console("bogdan");
        bogdan.next("welcome");
        bogdan.send(presence("available", null));
        bogdan.next("ack");
        Contact first = arrive(before, "ro", Priority.NORMAL);
        Contact second = arrive(before, "ro", Priority.NORMAL);
        Contact urgent = arrive(before, "ro", Priority.URGENT);
        Contact fourth = arrive(before, "ro", Priority.NORMAL);
        Contact talking = arrive(before, "en", Priority.NORMAL);
        bogdan.next("offer");
        bogdan.send(new JsonObject().put("type", "accept").put("contactId", talking.id()));
        bogdan.next("ack");

        before.crash();
        TestServer after = start(dir, List.of());

        JsonObject anaBack = after.console("ana").next("welcome").getJsonObject("operator");
        assertThat(anaBack.getString("state")).isEqualTo("paused");
        assertThat(anaBack.getString("pauseReason")).isEqualTo("training");
        JsonObject bogdanBack = after.console("bogdan").next("welcome");
        assertThat(bogdanBack.getJsonArray("contacts").getJsonObject(0).getString("id")).isEqualTo(talking.id());
        assertThat(bogdanBack.getJsonArray("contacts").getJsonObject(0).getString("state")).isEqualTo("connected");
        assertThat(after.monitor("/metrics").bodyAsString())
                .contains("helpline_queue_length{channel=\"chat\",language=\"ro\"} 4.0");

        SocketProbe anaAgain = after.console("ana");
        anaAgain.next("welcome");
        anaAgain.send(presence("available", null));
        List<String> offered = List.of(
                anaAgain.next("offer").getJsonObject("contact").getString("id"),
                anaAgain.next("offer").getJsonObject("contact").getString("id"),
                anaAgain.next("offer").getJsonObject("contact").getString("id"));
        assertThat(offered).containsExactly(urgent.id(), first.id(), second.id());
        assertThat(after.commands().locate(fourth.id()).await().position()).isEqualTo(1);
        after.stop();
    }

    @Test
    void everyKeyAFullFlowLeavesHasATimeToLive(@TempDir Path dir) throws java.io.IOException {
        TestServer server = start(dir, List.of(TestServer.operator("ana", "ro")));
        assertThat(server.monitor("/health").bodyAsJsonObject().getJsonObject("dependencies")
                .getJsonObject("store").getString("status")).isEqualTo("UP");
        SocketProbe ana = server.console("ana");
        ana.next("welcome");
        ana.send(presence("available", null));
        Contact answered = arrive(server, "ro", Priority.URGENT);
        arrive(server, "ro", Priority.NORMAL);
        Contact leaving = arrive(server, "ro", Priority.NORMAL);
        ana.next("offer");
        for (String type : List.of("accept", "end")) {
            ana.send(new JsonObject().put("type", type).put("contactId", answered.id()));
            ana.next("ack");
        }
        server.commands().contact(new Command.Leave(leaving.id())).await();
        ana.send(new JsonObject().put("type", "wrapUp").put("contactId", answered.id()).put("outcome", "referred"));
        ana.next("ack");
        assertThat(server.post("/api/login", new JsonObject().put("name", "ana").put("password", "wrong-password-1"))
                .statusCode()).isEqualTo(401);

        Map<String, Long> keys = REDIS.keysWithTtl();

        assertThat(keys).isNotEmpty();
        assertThat(keys).allSatisfy((key, ttl) -> assertThat(ttl).as("TTL of %s", key).isPositive());
        assertThat(keys.keySet()).anyMatch(k -> k.contains("session"))
                .as("the login throttle keeps addresses in memory only").noneMatch(k -> k.contains("login"));
        assertThat(keys.keySet()).noneMatch(k -> k.contains(answered.id()) || k.contains(leaving.id()));
        String privacy = java.nio.file.Files.readString(Path.of("docs", "privacy.md"));
        assertThat(keys.keySet()).allSatisfy(key -> assertThat(privacy).as("docs/privacy.md names the keys of %s", key)
                .contains("`" + family(key.substring(REDIS.keyPrefix().length()))));
        server.stop();
    }

    /** A key's family as docs/privacy.md writes it: {@code value:chat:}, {@code contact:}. */
    private static String family(String key) {
        int first = key.indexOf(':');
        return key.startsWith("value:") ? key.substring(0, key.indexOf(':', first + 1) + 1) : key.substring(0, first + 1);
    }
}
