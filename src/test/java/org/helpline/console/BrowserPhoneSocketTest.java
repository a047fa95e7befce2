package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;
import org.helpline.core.Channel;
import org.helpline.core.OperatorProfile;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.LogCapture;
import org.helpline.testing.SlowBrowserPhones;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator socket's side of the browser phone (docs/protocol.md, "phone" and "phoneState"). */
@DisplayName("browser phone on the operator socket")
class BrowserPhoneSocketTest {
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        PasswordHash hash = new PasswordHash(1000);
        server = TestServer.start(dir, new FakeClock(), "", List.of(
                new Account("ana", Role.OPERATOR, hash.hash(TestServer.PASSWORD), Set.of("ro"),
                        Set.of(Channel.CALL, Channel.CHAT), null, OperatorProfile.BROWSER_PHONE, null, false),
                new Account("bogdan", Role.OPERATOR, hash.hash(TestServer.PASSWORD), Set.of("ro"),
                        Set.of(Channel.CALL, Channel.CHAT), null, "2001", null, false)));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static JsonObject request(String type, int id) {
        return new JsonObject().put("type", type).put("id", id);
    }

    private static JsonArray channelsIn(JsonObject ack) {
        return ack.getJsonObject("operator").getJsonArray("channels");
    }

    @Test
    void callsAreOfferedOnlyWhileTheConsoleSaysItsPhoneWorks() {
        SocketProbe console = server.console("ana");
        assertThat(console.next("welcome").getBoolean("browserPhone")).isTrue();

        console.send(request("presence", 1).put("presence", "available"));
        assertThat(channelsIn(console.next("ack"))).containsExactly("chat");

        console.send(request("phoneState", 2).put("working", true));
        assertThat(channelsIn(console.next("ack"))).containsExactly("call", "chat");

        console.send(request("phoneState", 3).put("working", false));
        assertThat(channelsIn(console.next("ack"))).containsExactly("chat");
    }

    /** What telephony publishes when Asterisk drops the phone's registration, or has one again. */
    private void asteriskSays(String endpoint, boolean registered) {
        server.vertx().eventBus().publish(Addresses.BROWSER_PHONE_EVENTS, new JsonObject().put("operatorId", "ana")
                .put("endpoint", endpoint).put("registered", registered));
    }

    @Test
    void callsPauseWhileAsteriskHasDroppedThePhonesRegistrationThoughTheConsoleSaidNothing() {
        String endpoint = "123456789012";
        server.vertx().eventBus().<JsonObject>consumer(Addresses.BROWSER_PHONE, m -> m.reply(new JsonObject()
                .put("webSocketUrl", "wss://pbx.helpline.test:8089/ws").put("uri", "sip:" + endpoint + "@pbx.helpline.test")
                .put("username", endpoint).put("password", "0123456789abcdef0123456789abcdef").put("registrationExpiry", 120)))
                .completion().await();
        SocketProbe console = server.console("ana");
        console.next("welcome");
        console.send(request("presence", 1).put("presence", "available"));
        console.next("ack");
        console.send(request("phone", 2).put("want", true));
        assertThat(console.next("ack").getJsonObject("phone").getString("username")).isEqualTo(endpoint);

        // news of another phone (an earlier one of this console) changes nothing
        asteriskSays("999999999999", false);
        console.send(request("phoneState", 3).put("working", true));
        assertThat(channelsIn(console.next("ack"))).containsExactly("call", "chat");

        asteriskSays(endpoint, false); // a registration not renewed: the laptop sleeps, the page is frozen
        assertThat(operatorTaking(console, "chat").getJsonObject("operator").getString("presence")).isEqualTo("available");

        asteriskSays(endpoint, true); // registered again
        operatorTaking(console, "call", "chat");
    }

    /** The next operator event taking these channels; other messages before it are skipped. */
    private static JsonObject operatorTaking(SocketProbe console, String... channels) {
        return console.next(m -> "operator".equals(m.getString("type")) && channelsIn(m).getList().equals(List.of(channels)),
                "the operator taking " + List.of(channels));
    }

    @Test
    void aDeskPhoneAccountTakesCallsAsBefore() {
        SocketProbe console = server.console("bogdan");
        assertThat(console.next("welcome").getBoolean("browserPhone")).isFalse();
        console.send(request("presence", 1).put("presence", "available"));
        assertThat(channelsIn(console.next("ack"))).containsExactly("call", "chat");
    }

    @Test
    void withoutTelephonyAPhoneIsRefusedWithAReason() {
        SocketProbe console = server.console("ana");
        console.next("welcome");
        console.send(request("phone", 1).put("want", true));
        JsonObject error = console.next("error");
        assertThat(error.getString("code")).isEqualTo("phone_off");
        assertThat(error.getInteger("id")).isEqualTo(1);
    }

    @Test
    void aPhoneStateMustSayTrueOrFalse() {
        SocketProbe console = server.console("ana");
        console.next("welcome");
        console.send(request("phoneState", 1).put("working", "yes"));
        assertThat(console.next("error").getString("message")).isEqualTo("\"working\" must be true or false");
    }

    @Test
    void aConsoleClosedWhileItsPhoneIsBeingWrittenLeavesNoPhoneWorkingInAsterisk() throws InterruptedException {
        SlowBrowserPhones phones = SlowBrowserPhones.on(server.vertx());
        try (LogCapture logs = new LogCapture()) {
            SocketProbe console = server.console("ana");
            console.next("welcome");
            console.send(request("phone", 1).put("want", true));
            console.close();
            Eventually.until(() -> logs.text().contains("console.closed operator=ana"), "the server seeing the console go");
        }
        phones.issueNext("123456789012"); // telephony has written it into Asterisk only now

        assertThat(phones.nextRevoked()).as("the phone given back as it came").isEqualTo(new JsonObject()
                .put("user", "ana").put("role", "operator").put("want", false).put("endpoint", "123456789012"));
    }
}
