package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.NewContact;
import org.helpline.core.Operator;
import org.helpline.core.OperatorState;
import org.helpline.core.Priority;
import org.helpline.testing.FakeClock;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("operator socket /operator/ws")
class OperatorSocketTest {
    private final FakeClock clock = new FakeClock();
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        server = TestServer.start(dir, clock, "", List.of(
                TestServer.operator("ana", "ro"), TestServer.operator("bogdan", "ro", "en"), TestServer.supervisor("sofia")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Contact chatArrives(String language) {
        return server.commands().contact(new Command.Enqueue(
                new NewContact(Channel.CHAT, language, "abroad", Priority.NORMAL, null))).await();
    }

    private static JsonObject request(String type, int id) {
        return new JsonObject().put("type", type).put("id", id);
    }

    private SocketProbe availableConsole(String name) {
        SocketProbe console = server.console(name);
        console.next("welcome");
        console.send(request("presence", 1).put("presence", "available"));
        assertThat(console.next("ack").getJsonObject("operator").getString("state")).isEqualTo("available");
        return console;
    }

    @Test
    void anOperatorTakesAChatFromOfferToWrapUp() {
        SocketProbe console = server.console("ana");
        JsonObject welcome = console.next("welcome");
        assertThat(welcome.getValue("operator")).isNull();
        assertThat(welcome.getJsonArray("outcomes")).contains("advice_given");

        console.send(request("presence", 1).put("presence", "available"));
        assertThat(console.next("ack").getInteger("id")).isEqualTo(1);
        Contact chat = chatArrives("ro");

        JsonObject offer = console.next("offer").getJsonObject("contact");
        assertThat(offer.getString("id")).isEqualTo(chat.id());
        assertThat(offer.getString("deadline")).isEqualTo(clock.instant().plusSeconds(20).toString());

        console.send(request("accept", 2).put("contactId", chat.id()));
        assertThat(console.next("ack").getJsonObject("contact").getString("state")).isEqualTo("connected");
        console.send(request("end", 3).put("contactId", chat.id()));
        assertThat(console.next("ack").getJsonObject("contact").getString("state")).isEqualTo("wrap_up");
        console.send(request("wrapUp", 4).put("contactId", chat.id()).put("outcome", "advice_given"));
        JsonObject closed = console.next("ack").getJsonObject("contact");
        assertThat(closed.getString("state")).isEqualTo("closed");
        assertThat(closed.getString("outcome")).isEqualTo("advice_given");

        assertThat(server.monitor("/metrics").bodyAsString())
                .contains("helpline_contacts_finished_total{channel=\"chat\",outcome=\"advice_given\"} 1.0");
    }

    @Test
    void anOfferNotTakenInTimeIsWithdrawnFromTheConsole() {
        SocketProbe console = availableConsole("ana");
        Contact chat = chatArrives("ro");
        console.next("offer");

        clock.advance(Duration.ofSeconds(20));

        JsonObject withdrawn = console.next("contact");
        assertThat(withdrawn.getString("reason")).isEqualTo("offer_timeout");
        assertThat(withdrawn.getJsonObject("contact").getString("id")).isEqualTo(chat.id());
    }

    @Test
    void anOperatorIsOnlyOfferedContactsInTheirLanguage() {
        SocketProbe ana = availableConsole("ana");
        SocketProbe bogdan = availableConsole("bogdan");
        Contact english = chatArrives("en");

        assertThat(bogdan.next("offer").getJsonObject("contact").getString("id")).isEqualTo(english.id());
        ana.send(request("accept", 5).put("contactId", english.id()));
        assertThat(ana.next("error").getString("code")).isEqualTo("not_yours");
    }

    @Test
    void refusedMessagesGetAPreciseErrorAndChangeNothing() {
        SocketProbe console = availableConsole("ana");

        console.sendText("{not json");
        assertThat(console.next("error").getString("code")).isEqualTo("bad_json");
        console.send(request("dance", 6));
        JsonObject unknown = console.next("error");
        assertThat(unknown.getString("code")).isEqualTo("unknown_type");
        assertThat(unknown.getInteger("id")).isEqualTo(6);
        console.send(request("accept", 7));
        assertThat(console.next("error").getString("code")).isEqualTo("bad_request");
        console.send(request("accept", 8).put("contactId", "no-such-contact"));
        assertThat(console.next("error").getString("code")).isEqualTo("unknown_contact");
        console.send(request("presence", 9).put("presence", "paused"));
        assertThat(console.next("error").getString("code")).isEqualTo("reason_required");
        console.sendText("{\"type\":\"presence\",\"reason\":\"" + "x".repeat(25_000) + "\"}");
        assertThat(console.next("error").getString("code")).isEqualTo("too_large");
        console.sendBinary(new byte[] {1, 2, 3});
        assertThat(console.next("error").getString("code")).isEqualTo("text_only");

        Contact chat = chatArrives("ro");
        assertThat(console.next("offer").getJsonObject("contact").getString("id")).isEqualTo(chat.id());
    }

    @Test
    void aWrapUpOutcomeMustBeOneOfTheConfiguredCodes() {
        SocketProbe console = availableConsole("ana");
        Contact chat = chatArrives("ro");
        console.next("offer");
        console.send(request("accept", 2).put("contactId", chat.id()));
        console.next("ack");
        console.send(request("end", 3).put("contactId", chat.id()));
        console.next("ack");

        console.send(request("wrapUp", 4).put("contactId", chat.id()).put("outcome", "made_up"));
        assertThat(console.next("error").getString("code")).isEqualTo("unknown_outcome");
        console.send(request("wrapUp", 5).put("contactId", chat.id()));
        JsonObject missing = console.next("error");
        assertThat(missing.getString("code")).isEqualTo("outcome_required");
        assertThat(missing.getInteger("id")).isEqualTo(5);
        console.send(request("wrapUp", 6).put("contactId", chat.id()).put("outcome", " "));
        assertThat(console.next("error").getString("code")).isEqualTo("outcome_required");
    }

    @Test
    void aFloodingClientIsCutOffAndNobodyElseIsAffected() {
        SocketProbe bogdan = availableConsole("bogdan");
        SocketProbe flooder = server.console("ana");
        flooder.next("welcome");

        for (int i = 0; i < 200 && !flooder.isClosed(); i++) {
            flooder.sendText("{\"type\":\"presence\",\"presence\":\"available\"}");
        }

        assertThat(flooder.next("error").getString("code")).isEqualTo("rate_limited");
        assertThat(flooder.awaitClose()).isEqualTo((short) 1008);
        Contact chat = chatArrives("ro");
        assertThat(bogdan.next("offer").getJsonObject("contact").getString("id")).isEqualTo(chat.id());
    }

    @Test
    void withoutASessionTheSocketIsRefused() {
        assertThatThrownBy(() -> SocketProbe.connect(server.sockets(), server.options("/operator/ws")))
                .hasMessageContaining("401");
    }

    @Test
    void aSupervisorCannotOpenTheOperatorSocket() {
        String cookie = server.login("sofia");
        assertThatThrownBy(() -> SocketProbe.connect(server.sockets(),
                server.options("/operator/ws").addHeader("Cookie", cookie))).hasMessageContaining("403");
    }

    @Test
    void anOperatorWhoseConsoleIsGoneIsPausedAfterTheGracePeriod() {
        SocketProbe ana = availableConsole("ana");
        ana.close();

        Operator paused = server.awaitOperator(o -> o.id().equals("ana") && o.state() == OperatorState.PAUSED);

        assertThat(paused.pauseReason()).isEqualTo(OperatorConsole.DISCONNECTED_REASON);
        JsonObject welcome = server.console("ana").next("welcome");
        assertThat(welcome.getJsonObject("operator").getString("state")).isEqualTo("paused");
    }
}
