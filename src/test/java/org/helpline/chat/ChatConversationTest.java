package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.chat.Chats.accepted;
import static org.helpline.chat.Chats.availableConsole;
import static org.helpline.chat.Chats.caller;
import static org.helpline.chat.Chats.operatorSays;
import static org.helpline.chat.Chats.pausedConsole;
import static org.helpline.chat.Chats.request;
import static org.helpline.chat.Chats.say;
import static org.helpline.chat.Chats.started;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a web chat between a caller and an operator")
class ChatConversationTest extends TwoChatOperators {

    private static boolean isMessage(JsonObject m, long seq) {
        return "message".equals(m.getString("type")) && m.getLong("seq") == seq;
    }

    @Test
    void callerAndOperatorTalkFromStartToEnd() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        String token = started(caller, "ro", "abroad_in_trouble", false);
        assertThat(token).matches("[0-9a-f-]{36}\\.[A-Za-z0-9_-]{43}");

        JsonObject transcript = Chats.acceptedWith(ana);
        String contactId = transcript.getString("contactId");
        assertThat(caller.next("connected").getString("operator")).isEqualTo("Ana");
        assertThat(transcript.getJsonArray("messages")).isEmpty();

        caller.send(say("Bună ziua, am nevoie de ajutor", 1));
        JsonObject ack = caller.next("ack");
        assertThat(ack.getLong("id")).isEqualTo(1);
        assertThat(ack.getLong("seq")).isEqualTo(1);
        assertThat(ack.getBoolean("delivered")).isTrue();
        JsonObject heard = ana.next("message");
        assertThat(heard.getString("contactId")).isEqualTo(contactId);
        assertThat(heard.getString("from")).isEqualTo("caller");
        assertThat(heard.getString("text")).isEqualTo("Bună ziua, am nevoie de ajutor");
        assertThat(heard.getString("sentAt")).isEqualTo(clock.instant().toString());

        caller.send(new JsonObject().put("type", "typing"));
        assertThat(ana.next("typing").getString("contactId")).isEqualTo(contactId);
        ana.send(request("typing", contactId));
        caller.next("typing");

        ana.send(operatorSays(contactId, "Bună ziua. Sunteți în siguranță acum?", 7));
        JsonObject operatorAck = ana.next("ack");
        assertThat(operatorAck.getInteger("id")).isEqualTo(7);
        assertThat(operatorAck.getLong("seq")).isEqualTo(2);
        JsonObject echoed = ana.next("message");
        assertThat(echoed.getString("from")).isEqualTo("operator");
        assertThat(echoed.getLong("seq")).isEqualTo(2);
        JsonObject answer = caller.next("message");
        assertThat(answer.getString("from")).isEqualTo("operator");
        assertThat(answer.getString("text")).isEqualTo("Bună ziua. Sunteți în siguranță acum?");
        assertThat(answer.getLong("seq")).isEqualTo(2);

        ana.send(request("end", contactId).put("id", 8));
        assertThat(caller.next("ended").getString("by")).isEqualTo("operator");
        caller.send(say("still there?", 2));
        assertThat(caller.next("error").getString("code")).isEqualTo("wrong_state");
        ana.send(operatorSays(contactId, "too late", 9));
        assertThat(ana.next("error").getString("code")).isEqualTo("wrong_state");
    }

    @Test
    void aCallerWhoEndsTheChatLeavesTheOperatorInWrapUp() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        started(caller, "ro", "before_departure", false);
        String contactId = accepted(ana);

        caller.send(new JsonObject().put("type", "end"));

        assertThat(caller.next("ended").getString("by")).isEqualTo("caller");
        JsonObject left = ana.next(m -> "contact".equals(m.getString("type")) && "left".equals(m.getString("reason")), "the caller leaving");
        assertThat(left.getJsonObject("contact").getString("id")).isEqualTo(contactId);
        assertThat(left.getJsonObject("contact").getString("state")).isEqualTo("wrap_up");
    }

    @Test
    void aReloadedConsoleGetsEachOpenChatsTranscriptAfterItsWelcome() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        started(caller, "ro", "other", false);
        String contactId = accepted(ana);
        caller.send(say("first", 1));
        ana.next("message");
        ana.send(operatorSays(contactId, "second", 2));
        caller.next("message");
        ana.close();
        long id = 1;
        JsonObject ack;
        do { // until the server has seen the console go: then a message is recorded but not delivered
            caller.send(say("while the console is closed", ++id));
            ack = caller.next("ack");
        } while (ack.getBoolean("delivered", false) && id < 9); // within the caller's burst of 10
        assertThat(ack.containsKey("delivered")).isFalse();

        SocketProbe reloaded = server.console("ana");

        assertThat(reloaded.next("welcome").getJsonArray("contacts").getJsonObject(0).getString("id")).isEqualTo(contactId);
        JsonObject transcript = reloaded.next("transcript");
        assertThat(transcript.getString("contactId")).isEqualTo(contactId);
        assertThat(caller.next("delivered").getLong("upTo")).isEqualTo(ack.getLong("seq"));
        JsonArray messages = transcript.getJsonArray("messages");
        assertThat(messages).hasSize((int) ack.getLong("seq").longValue());
        assertThat(messages.getJsonObject(0).getString("text")).isEqualTo("first");
        assertThat(messages.getJsonObject(0).getString("from")).isEqualTo("caller");
        assertThat(messages.getJsonObject(1).getLong("seq")).isEqualTo(2);
        assertThat(messages.getJsonObject(1).getString("from")).isEqualTo("operator");
    }

    @Test
    void theCallersWordsReachOnlyTheOperatorWhoHoldsTheChat() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        started(caller, "ro", "abroad_in_trouble", false);
        String contactId = accepted(ana);
        SocketProbe bogdan = availableConsole(server, "bogdan");

        bogdan.send(operatorSays(contactId, "let me in", 3));
        assertThat(bogdan.next("error").getString("code")).isEqualTo("not_yours");
        bogdan.send(request("typing", contactId));
        caller.send(say("only for Ana", 1));
        assertThat(ana.next("message").getString("text")).isEqualTo("only for Ana");

        bogdan.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 4));
        JsonObject first = bogdan.next(m -> List.of("message", "transcript", "ack").contains(m.getString("type")),
                "a chat message or the ack");
        assertThat(first.getString("type")).isEqualTo("ack");
        assertThat(first.getInteger("id")).isEqualTo(4);
        JsonObject fromBogdan = caller.next(m -> List.of("typing", "message", "ack").contains(m.getString("type")),
                "what reaches the caller");
        assertThat(fromBogdan.getString("type")).isEqualTo("ack");
    }

    @Test
    void aTransferredChatContinuesWithTheNextOperatorWhoSeesItAll() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        started(caller, "ro", "abroad_in_trouble", false);
        String contactId = accepted(ana);
        caller.send(say("I need someone who knows Italy", 1));
        ana.next("message");
        SocketProbe bogdan = availableConsole(server, "bogdan");

        ana.send(request("transfer", contactId).put("operatorId", "bogdan").put("id", 2));

        caller.next("transferred");
        JsonObject handedOver = Chats.acceptedWith(bogdan);
        assertThat(handedOver.getString("contactId")).isEqualTo(contactId);
        assertThat(caller.next("connected").getString("operator")).isEqualTo("Bogdan");
        JsonArray seen = handedOver.getJsonArray("messages");
        assertThat(seen.getJsonObject(0).getString("text")).isEqualTo("I need someone who knows Italy");
        ana.send(operatorSays(contactId, "are you still there?", 3));
        assertThat(ana.next("error").getString("code")).isEqualTo("not_yours");
        caller.send(say("yes", 2));
        assertThat(bogdan.next("message").getString("text")).isEqualTo("yes");
    }

    @Test
    void aResumedChatMissesNothingAndRepeatsNothing() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        String token = started(caller, "ro", "abroad_in_trouble", false);
        String contactId = accepted(ana);
        caller.send(say("before the drop", 1));
        caller.next("ack");
        ana.next("message");
        caller.close();
        ana.send(operatorSays(contactId, "are you there?", 2));
        ana.next("ack");
        ana.send(operatorSays(contactId, "I will wait", 3));
        ana.next("ack");

        SocketProbe back = caller(server);
        back.send(new JsonObject().put("type", "resume").put("token", token).put("after", 1));

        JsonObject resumed = back.next("resumed");
        assertThat(resumed.getString("state")).isEqualTo("connected");
        assertThat(resumed.getString("operator")).isEqualTo("Ana");
        assertThat(resumed.getLong("lastId")).isEqualTo(1);
        assertThat(resumed.getJsonArray("messages").stream().map(m -> ((JsonObject) m).getLong("seq")).toList())
                .containsExactly(2L, 3L);
        back.send(say("before the drop", 1));
        assertThat(back.next("ack").getLong("seq")).isEqualTo(1);
        back.send(say("after the drop", 2));
        assertThat(back.next("ack").getLong("seq")).isEqualTo(4);
        JsonObject heard = ana.next(m -> "message".equals(m.getString("type")) && "caller".equals(m.getString("from")), "the caller's message");
        assertThat(heard.getLong("seq")).isEqualTo(4);
        assertThat(heard.getString("text")).isEqualTo("after the drop");
    }

    @Test
    void aReloadedPageGetsTheWholeConversationWithItsOwnMessageNumbers() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        String token = started(caller, "ro", "abroad_in_trouble", false);
        String contactId = accepted(ana);
        caller.send(say("one", 5));
        caller.next("ack");
        ana.send(operatorSays(contactId, "two", 1));
        caller.next("message");

        SocketProbe reloaded = caller(server);
        reloaded.send(new JsonObject().put("type", "resume").put("token", token));

        JsonArray messages = reloaded.next("resumed").getJsonArray("messages");
        assertThat(messages).hasSize(2);
        assertThat(messages.getJsonObject(0).getLong("id")).isEqualTo(5);
        assertThat(messages.getJsonObject(1).containsKey("id")).isFalse();
        JsonObject replaced = caller.next("error");
        assertThat(replaced.getString("code")).isEqualTo("replaced");
        caller.awaitClose();
    }

    @Test
    void aTokenThatIsWrongFindsNoChat() {
        SocketProbe caller = caller(server);
        String token = Chats.started(connectSignedIn(), "ro", "other", false);
        String forged = token.substring(0, token.indexOf('.') + 1) + "A".repeat(43);

        caller.send(new JsonObject().put("type", "resume").put("token", forged));
        assertThat(caller.next("error").getString("code")).isEqualTo("unknown_chat");
        caller.send(new JsonObject().put("type", "resume").put("token", "nonsense"));
        assertThat(caller.next("error").getString("code")).isEqualTo("unknown_chat");
    }

    private SocketProbe connectSignedIn() {
        pausedConsole(server, "ana");
        return caller(server);
    }

    @Test
    void aCallerAwayLongerThanTheReconnectWindowHasLeft() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        String token = started(caller, "ro", "abroad_in_trouble", false);
        String contactId = accepted(ana);
        caller.close();
        caller.awaitClose();

        clock.advance(Duration.ofMinutes(2));

        JsonObject left = ana.next(m -> "contact".equals(m.getString("type")) && "left".equals(m.getString("reason")), "the caller leaving");
        assertThat(left.getJsonObject("contact").getString("id")).isEqualTo(contactId);
        SocketProbe late = caller(server);
        late.send(new JsonObject().put("type", "resume").put("token", token));
        assertThat(late.next("error").getString("code")).isEqualTo("unknown_chat");
    }

    @Test
    void aCallerBackWithinTheWindowKeepsTheirPlaceInTheQueue() {
        pausedConsole(server, "ana");
        SocketProbe first = caller(server);
        started(first, "ro", "other", false);
        SocketProbe second = caller(server);
        String token = started(second, "ro", "other", false);
        assertThat(second.next("queue").getInteger("position")).isEqualTo(2);
        second.close();
        second.awaitClose();

        clock.advance(Duration.ofSeconds(119));
        SocketProbe back = caller(server);
        back.send(new JsonObject().put("type", "resume").put("token", token));

        assertThat(back.next("resumed").getString("state")).isEqualTo("waiting");
        assertThat(back.next("queue").getInteger("position")).isEqualTo(2);
    }

    @Test
    void aCallerInDangerIsUrgentAndOfferedFirst() {
        SocketProbe ana = pausedConsole(server, "ana");
        started(caller(server), "ro", "other", false);
        SocketProbe inDanger = caller(server);
        started(inDanger, "ro", "abroad_in_trouble", true);
        assertThat(inDanger.next("queue").getInteger("position")).isEqualTo(1);

        ana.send(new JsonObject().put("type", "presence").put("presence", "available"));

        JsonObject offered = ana.next("offer").getJsonObject("contact");
        assertThat(offered.getString("priority")).isEqualTo("urgent");
        assertThat(offered.getString("topic")).isEqualTo("abroad_in_trouble");
    }

    @Test
    void waitingCallersSeeTheirPlaceAndTheExpectedWaitLive() {
        pausedConsole(server, "ana");
        SocketProbe first = caller(server);
        started(first, "ro", "other", false);
        started(caller(server), "ro", "other", false);
        SocketProbe third = caller(server);
        started(third, "ro", "other", false);

        JsonObject place = third.next("queue");
        assertThat(place.getInteger("position")).isEqualTo(3);
        assertThat(place.getLong("waitMinutes")).isEqualTo(15); // 3 × 15 min, shared by Ana's 3 chats at once

        first.send(new JsonObject().put("type", "end"));

        JsonObject moved = third.next("queue");
        assertThat(moved.getInteger("position")).isEqualTo(2);
        assertThat(moved.getLong("waitMinutes")).isEqualTo(10);
    }

    @Test
    void outsideOpeningHoursTheChatIsClosed() {
        availableConsole(server, "ana");
        clock.advance(Duration.ofDays(5)); // Saturday

        SocketProbe caller = caller(server);
        caller.send(Chats.start("ro", "abroad_in_trouble", true));

        assertThat(caller.next("closed").getString("reason")).isEqualTo("hours");
    }

    @Test
    void withNobodySignedInForTheLanguageTheChatIsClosed() {
        availableConsole(server, "ana");

        SocketProbe caller = caller(server);
        caller.send(Chats.start("en", "other", false));

        assertThat(caller.next("closed").getString("reason")).isEqualTo("no_operator");
    }

    @Test
    void whenAsManyChatsWaitAsTheRoomTakesANewCallerIsToldItIsBusyAndNothingIsQueued(@TempDir Path dir) {
        server.close();
        server = TestServer.start(dir, clock, "chat: { sweepInterval: 20ms, maxWaiting: 2 }\n",
                List.of(Chats.operator("ana", "Ana", "ro")));
        SocketProbe ana = pausedConsole(server, "ana");
        started(caller(server), "ro", "other", false);
        started(caller(server), "ro", "other", false);

        SocketProbe third = caller(server);
        third.send(Chats.start("ro", "other", false));
        assertThat(third.next("closed").getString("reason")).isEqualTo("busy");
        assertThat(third.awaitClose()).as("a busy connection is closed after the message").isEqualTo((short) 1000);

        // the refused start never reached the queue: the first offer is the first chat, not the third
        ana.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 1));
        JsonObject offered = ana.next("offer").getJsonObject("contact");
        assertThat(offered.getString("priority")).isEqualTo("normal");
        ana.send(request("accept", offered.getString("id")).put("id", 2));
        ana.next(m -> "ack".equals(m.getString("type")) && Integer.valueOf(2).equals(m.getValue("id")), "the accept's ack");
        // one waiting chat is taken: there is room again
        started(caller(server), "ro", "other", false);
    }

    @Test
    void waitingCallersAreToldWhenTheLastOperatorForTheirLanguageSignsOff() {
        SocketProbe ana = pausedConsole(server, "ana");
        SocketProbe caller = caller(server);
        started(caller, "ro", "other", false);

        ana.send(new JsonObject().put("type", "presence").put("presence", "offline"));

        assertThat(caller.next("closed").getString("reason")).isEqualTo("no_operator");
    }
}
