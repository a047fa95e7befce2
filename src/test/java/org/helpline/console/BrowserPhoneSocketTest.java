package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.core.OperatorProfile;
import org.helpline.testing.FakeClock;
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
}
