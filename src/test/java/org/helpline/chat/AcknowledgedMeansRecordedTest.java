package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.chat.Chats.accepted;
import static org.helpline.chat.Chats.say;
import static org.helpline.chat.Chats.started;

import java.nio.file.Path;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RedisServer;
import org.helpline.testing.HelplineProcess;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** "Started" and an acknowledgement mean "recorded": over a Redis outage and a kill -9, nothing the caller was told of is lost or doubled. */
@DisplayName("a caller is told a chat started, or a message arrived, only once Redis has it")
class AcknowledgedMeansRecordedTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.persistent();

    private static String store() {
        return Chats.FAST_SWEEP + REDIS.storeYaml();
    }

    private static JsonObject operatorSays(String contactId, String text, int requestId, long key) {
        return Chats.operatorSays(contactId, text, requestId).put("key", key);
    }

    private static SocketProbe availableConsole(SocketProbe console) {
        console.next("welcome");
        console.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 0));
        console.next("ack");
        return console;
    }

    /** The answer to request {@code id} on an operator socket: its ack or its error. */
    private static JsonObject answer(SocketProbe console, int id) {
        return console.next(m -> Integer.valueOf(id).equals(m.getValue("id"))
                && ("ack".equals(m.getString("type")) || "error".equals(m.getString("type"))), "the answer to request " + id);
    }

    /**
     * Whether the server acknowledged anything on the caller's socket before it answered a request sent
     * now: answers come in order, so an ack still to come for an earlier message would come first.
     */
    private static JsonObject nextAckOrProbeAnswer(SocketProbe caller) {
        caller.send(new JsonObject().put("type", "say").put("text", "probe").put("id", 0)); // refused: ids start at 1
        return caller.next(m -> "ack".equals(m.getString("type")) || "error".equals(m.getString("type")), "an ack or the probe's error");
    }

    private static List<String> texts(JsonArray messages) {
        return messages.stream().map(m -> ((JsonObject) m).getLong("seq") + " " + ((JsonObject) m).getString("from") + ": "
                + ((JsonObject) m).getString("text")).toList();
    }

    @Test
    void whatWasAcknowledgedSurvivesAnOutageAndAKillMinus9Once(@TempDir Path dir) {
        JsonObject resumed;
        String token;
        try (HelplineProcess first = HelplineProcess.ready(dir, store(), List.of(Chats.operator("ana", "Ana", "ro")))) {
            SocketProbe ana = availableConsole(first.console("ana"));
            SocketProbe caller = first.caller();
            token = started(caller, "ro", "abroad_in_trouble", true);
            String contactId = accepted(ana);
            caller.send(say("They took my passport", 1));
            assertThat(caller.next("ack").getLong("seq")).isEqualTo(1);

            REDIS.stop();
            caller.send(say("I am in a flat in Milan", 2));
            ana.send(operatorSays(contactId, "Are you safe there now?", 7, 4242));
            JsonObject refused = answer(ana, 7);
            assertThat(refused.getString("type")).isEqualTo("error");
            assertThat(refused.getString("code")).isEqualTo("unavailable");
            assertThat(nextAckOrProbeAnswer(caller).getString("type"))
                    .as("no ack for a message Redis does not have").isEqualTo("error");

            first.kill();
        }
        REDIS.start();
        try (HelplineProcess second = HelplineProcess.ready(dir, store(), List.of())) {
            SocketProbe back = second.caller();
            back.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
            resumed = back.next("resumed");
            assertThat(resumed.getLong("lastId")).isEqualTo(1);
            assertThat(texts(resumed.getJsonArray("messages"))).containsExactly("1 caller: They took my passport");

            // the page sends again what was not acknowledged, twice over a flaky link: it is kept once
            back.send(say("I am in a flat in Milan", 2));
            back.send(say("I am in a flat in Milan", 2));
            assertThat(back.next("ack").getLong("seq")).isEqualTo(2);
            assertThat(back.next("ack").getLong("seq")).isEqualTo(2);

            SocketProbe ana = second.console("ana");
            ana.next("welcome");
            String contactId = ana.next("transcript").getString("contactId");
            ana.send(operatorSays(contactId, "Are you safe there now?", 8, 4242));
            ana.send(operatorSays(contactId, "Are you safe there now?", 9, 4242));
            assertThat(answer(ana, 8).getLong("seq")).isEqualTo(3);
            assertThat(answer(ana, 9).getLong("seq")).isEqualTo(3);
            assertThat(back.next("message").getString("text")).isEqualTo("Are you safe there now?");

            SocketProbe reader = second.caller();
            reader.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
            assertThat(texts(reader.next("resumed").getJsonArray("messages"))).containsExactly(
                    "1 caller: They took my passport", "2 caller: I am in a flat in Milan", "3 operator: Are you safe there now?");
        }
    }

    /** The first answer to a chat's start: started (with its token), an error, or closed. */
    private static JsonObject startAnswer(SocketProbe caller) {
        caller.send(Chats.start("ro", "abroad_in_trouble", false));
        return caller.next(m -> "started".equals(m.getString("type")) || "error".equals(m.getString("type"))
                || "closed".equals(m.getString("type")), "the answer to the chat's start");
    }

    @Test
    void aCallerIsToldTheChatStartedOnlyOnceRedisHasItSoAKillMinus9NeverLosesAChatTheyCanResume(@TempDir Path dir) {
        try (HelplineProcess first = HelplineProcess.ready(dir, store(), List.of(Chats.operator("ana", "Ana", "ro")))) {
            Chats.paused(first.console("ana")); // someone who takes Romanian chats is signed in; chats wait
            REDIS.stop();
            JsonObject answer = startAnswer(first.caller());
            assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("error");
            assertThat(answer.getString("code")).isEqualTo("unavailable");
            assertThat(answer.containsKey("token")).as("nothing to resume that Redis does not have").isFalse();
            first.kill();
        }
        REDIS.start();
        String token;
        try (HelplineProcess second = HelplineProcess.ready(dir, store(), List.of())) {
            Chats.paused(second.console("ana"));
            // the page asks again: now Redis records the chat, and only then is the caller told it started
            JsonObject answer = startAnswer(second.caller());
            assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("started");
            token = answer.getString("token");
            second.kill();
        }
        try (HelplineProcess third = HelplineProcess.ready(dir, store(), List.of())) {
            SocketProbe back = third.caller();
            back.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
            assertThat(back.next(m -> "resumed".equals(m.getString("type")) || "error".equals(m.getString("type")),
                    "the answer to resume").getString("state")).isEqualTo("waiting");
            assertThat(back.next("queue").getInteger("position")).as("the one chat, alone in the queue").isEqualTo(1);
        }
    }

    @Test
    void aMessageSaidDuringAnOutageIsAcknowledgedAndRelayedOnceRedisIsBack(@TempDir Path dir) {
        try (TestServer server = TestServer.start(dir, new FakeClock(), store(), List.of(Chats.operator("ana", "Ana", "ro")))) {
            SocketProbe ana = Chats.availableConsole(server, "ana");
            SocketProbe caller = Chats.caller(server);
            started(caller, "ro", "abroad_in_trouble", false);
            String contactId = accepted(ana);

            REDIS.stop();
            caller.send(say("Can you hear me?", 1));
            assertThat(nextAckOrProbeAnswer(caller).getString("type")).isEqualTo("error");

            REDIS.start();
            JsonObject ack = caller.next("ack");
            assertThat(ack.getLong("id")).isEqualTo(1);
            assertThat(ack.getLong("seq")).isEqualTo(1);
            JsonObject relayed = ana.next("message");
            assertThat(relayed.getString("contactId")).isEqualTo(contactId);
            assertThat(relayed.getString("text")).isEqualTo("Can you hear me?");
        }
    }
}
