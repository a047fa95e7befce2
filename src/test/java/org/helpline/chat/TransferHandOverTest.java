package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.chat.Chats.accepted;
import static org.helpline.chat.Chats.availableConsole;
import static org.helpline.chat.Chats.caller;
import static org.helpline.chat.Chats.operatorSays;
import static org.helpline.chat.Chats.request;
import static org.helpline.chat.Chats.started;


import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.testing.LogCapture;
import org.helpline.testing.SocketProbe;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a transfer hands the chat over: note, case and who said what go to the next operator")
class TransferHandOverTest extends TwoChatOperators {
    private static final JsonObject CASE = new JsonObject().put("scriptId", "abroad").put("stepId", "where")
            .put("ticks", new JsonArray().add("passport_taken")).put("country", "IT");

    @Test
    void theNextOperatorGetsTheNoteTheCaseAndTheEarlierOperatorsName() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        started(caller, "ro", "abroad_in_trouble", false);
        String contactId = accepted(ana);
        ana.send(operatorSays(contactId, "Where are you now?", 2));
        ana.next("ack");
        SocketProbe bogdan = availableConsole(server, "bogdan");

        try (LogCapture logs = new LogCapture()) {
            ana.send(request("transfer", contactId).put("operatorId", "bogdan").put("id", 3)
                    .put("note", "Passport taken by employer; she is in Milan").put("case", CASE));
            assertThat(ana.next("ack").getInteger("id")).isEqualTo(3);
            JsonObject transcript = Chats.acceptedWith(bogdan);

            JsonObject handOver = transcript.getJsonObject("handOver");
            assertThat(handOver.getString("from")).isEqualTo("Ana");
            assertThat(handOver.getString("note")).isEqualTo("Passport taken by employer; she is in Milan");
            assertThat(handOver.getJsonObject("case")).isEqualTo(CASE);
            JsonObject anasLine = transcript.getJsonArray("messages").getJsonObject(0);
            assertThat(anasLine.getString("operatorId")).isEqualTo("ana");
            assertThat(anasLine.getString("operatorName")).isEqualTo("Ana");
            assertThat(logs.text()).doesNotContain("Milan").doesNotContain("passport_taken");
        }
        bogdan.send(operatorSays(contactId, "I am Bogdan, I will go on", 4));
        JsonObject bogdansLine = bogdan.next("message");
        assertThat(bogdansLine.getString("operatorId")).isEqualTo("bogdan");
        assertThat(bogdansLine.getString("operatorName")).isEqualTo("Bogdan");
        assertThat(caller.next("message").getString("text")).as("the note is for operators only, never the caller")
                .isEqualTo("Where are you now?");
        assertThat(caller.next("message").getString("text")).isEqualTo("I am Bogdan, I will go on");
    }

    @Test
    void anOversizedOrMalformedHandOverIsRefusedAndTheChatStaysWithItsOperator() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        started(caller, "ro", "abroad_in_trouble", false);
        String contactId = accepted(ana);

        ana.send(request("transfer", contactId).put("id", 2).put("note", "x".repeat(1001)));
        assertRefused(ana, 2, "too_large", "a hand-over note may be at most 1000 characters");
        ana.send(request("transfer", contactId).put("id", 3).put("case", "step 4"));
        assertRefused(ana, 3, "bad_request", "\"case\" must be an object");
        ana.send(request("transfer", contactId).put("id", 4).put("case", new JsonObject().put("history", "y".repeat(17_000))));
        assertRefused(ana, 4, "too_large", "\"case\" may be at most 16384 bytes");
        ana.send(request("transfer", contactId).put("id", 5).put("note", 7));
        assertRefused(ana, 5, "bad_request", "\"note\" must be a string");

        ana.send(operatorSays(contactId, "still here", 6));
        assertThat(ana.next("ack").getInteger("id")).isEqualTo(6);
        assertThat(caller.next("message").getString("text")).isEqualTo("still here");
    }

    private static void assertRefused(SocketProbe console, int id, String code, String message) {
        JsonObject error = console.next("error");
        assertThat(error.getInteger("id")).isEqualTo(id);
        assertThat(error.getString("code")).isEqualTo(code);
        assertThat(error.getString("message")).isEqualTo(message);
    }
}
