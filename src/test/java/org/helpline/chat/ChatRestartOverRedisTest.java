package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.chat.Chats.accepted;
import static org.helpline.chat.Chats.availableConsole;
import static org.helpline.chat.Chats.caller;
import static org.helpline.chat.Chats.operatorSays;
import static org.helpline.chat.Chats.say;
import static org.helpline.chat.Chats.started;

import java.nio.file.Path;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RedisServer;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a web chat over a server restart with Redis")
class ChatRestartOverRedisTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    private final FakeClock clock = new FakeClock();

    private TestServer start(Path dir, List<Account> accounts) {
        return TestServer.start(dir, clock, Chats.FAST_SWEEP + """
                store:
                  type: redis
                  redis: { url: "%s", password: "%s", keyPrefix: "%s" }
                """.formatted(REDIS.url(), REDIS.password(), REDIS.keyPrefix()), accounts);
    }

    private static List<String> texts(JsonArray messages) {
        return messages.stream().map(m -> ((JsonObject) m).getLong("seq") + " " + ((JsonObject) m).getString("from") + ": "
                + ((JsonObject) m).getString("text")).toList();
    }

    @Test
    void bothSidesResumeTheConversationWithNothingLostOrRepeated(@TempDir Path dir) {
        TestServer before = start(dir, List.of(Chats.operator("ana", "Ana", "ro")));
        SocketProbe ana = availableConsole(before, "ana");
        SocketProbe caller = caller(before);
        String token = started(caller, "ro", "abroad_in_trouble", true);
        String contactId = accepted(ana);
        caller.send(say("They took my passport", 1));
        caller.next("ack");
        ana.send(operatorSays(contactId, "Are you safe where you are now?", 2));
        caller.next("message");

        before.crash();
        TestServer after = start(dir, List.of());

        SocketProbe back = caller(after);
        back.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
        JsonObject resumed = back.next("resumed");
        assertThat(resumed.getString("state")).isEqualTo("connected");
        assertThat(resumed.getString("operator")).isEqualTo("Ana");
        assertThat(texts(resumed.getJsonArray("messages")))
                .containsExactly("1 caller: They took my passport", "2 operator: Are you safe where you are now?");
        back.send(say("They took my passport", 1)); // the page sends again what it was not sure of
        assertThat(back.next("ack").getLong("seq")).isEqualTo(1);

        SocketProbe anaBack = after.console("ana");
        JsonObject welcome = anaBack.next("welcome");
        assertThat(welcome.getJsonArray("contacts").getJsonObject(0).getString("state")).isEqualTo("connected");
        assertThat(welcome.getJsonArray("contacts").getJsonObject(0).getString("priority")).isEqualTo("urgent");
        JsonObject transcript = anaBack.next("transcript");
        assertThat(transcript.getString("contactId")).isEqualTo(contactId);
        assertThat(texts(transcript.getJsonArray("messages")))
                .containsExactly("1 caller: They took my passport", "2 operator: Are you safe where you are now?");

        back.send(say("Yes, for now", 2));
        assertThat(back.next("ack").getLong("seq")).isEqualTo(3);
        assertThat(anaBack.next("message").getString("text")).isEqualTo("Yes, for now");
        anaBack.send(operatorSays(contactId, "Good. Let us make a plan.", 3));
        JsonObject answer = back.next("message");
        assertThat(answer.getLong("seq")).isEqualTo(4);
        assertThat(answer.getString("text")).isEqualTo("Good. Let us make a plan.");
        after.stop();
    }

    @Test
    void aChatWaitingInTheQueueIsStillThereAfterARestart(@TempDir Path dir) {
        TestServer before = start(dir, List.of(Chats.operator("ana", "Ana", "ro")));
        Chats.pausedConsole(before, "ana");
        SocketProbe caller = caller(before);
        String token = started(caller, "ro", "before_departure", false);
        caller.send(say("Is this agency registered?", 1));
        caller.next("ack");

        before.crash();
        TestServer after = start(dir, List.of());
        SocketProbe back = caller(after);
        back.send(new JsonObject().put("type", "resume").put("token", token));
        assertThat(back.next("resumed").getString("state")).isEqualTo("waiting");
        assertThat(back.next("queue").getInteger("position")).isEqualTo(1);

        SocketProbe ana = after.console("ana");
        ana.next("welcome");
        ana.send(new JsonObject().put("type", "presence").put("presence", "available")); // the offer comes before its ack
        JsonObject transcript = Chats.acceptedWith(ana);
        assertThat(back.next("connected").getString("operator")).isEqualTo("Ana");
        assertThat(texts(transcript.getJsonArray("messages"))).containsExactly("1 caller: Is this agency registered?");
        assertThat(back.next("delivered").getLong("upTo")).isEqualTo(1);
        after.stop();
    }
}
