package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.helpline.chat.Chats.accepted;
import static org.helpline.chat.Chats.availableConsole;
import static org.helpline.chat.Chats.caller;
import static org.helpline.chat.Chats.operatorSays;
import static org.helpline.chat.Chats.say;
import static org.helpline.chat.Chats.started;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RawWebSocket;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("caller socket /chat/ws")
class CallerSocketTest {
    private static final String SITE = "https://www.example.org";
    private final FakeClock clock = new FakeClock();
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        server = TestServer.start(dir, clock, """
                chat: { sweepInterval: 20ms, heartbeat: 100ms, allowedOrigins: ["%s"], embedOrigins: ["%s"] }
                """.formatted(SITE, SITE), List.of(Chats.operator("ana", "Ana", "ro"), Chats.operator("bogdan", "Bogdan", "ro")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void refusedMessagesGetAPreciseErrorAndChangeNothing() {
        availableConsole(server, "ana");
        SocketProbe caller = caller(server);

        caller.sendText("{not json");
        assertThat(caller.next("error").getString("code")).isEqualTo("bad_json");
        caller.send(new JsonObject().put("type", "dance").put("id", 3));
        JsonObject unknown = caller.next("error");
        assertThat(unknown.getString("code")).isEqualTo("unknown_type");
        assertThat(unknown.getInteger("id")).isEqualTo(3);
        caller.sendBinary(new byte[] {1, 2, 3});
        assertThat(caller.next("error").getString("code")).isEqualTo("text_only");
        caller.send(say("x".repeat(2100), 1));
        assertThat(caller.next("error").getString("code")).isEqualTo("too_large");
        caller.send(say("hello", 1));
        assertThat(caller.next("error").getString("code")).isEqualTo("wrong_state");
        caller.send(Chats.start("xx", "other", false));
        assertThat(caller.next("error").getString("message")).contains("language");
        caller.send(Chats.start("ro", "holiday", false));
        assertThat(caller.next("error").getString("code")).isEqualTo("bad_request");
        caller.send(Chats.start("ro", "other", false).put("danger", "yes"));
        assertThat(caller.next("error").getString("code")).isEqualTo("bad_request");

        started(caller, "ro", "other", false);
        caller.send(new JsonObject().put("type", "say").put("text", "no id"));
        assertThat(caller.next("error").getString("code")).isEqualTo("bad_request");
        caller.send(Chats.start("ro", "other", false));
        assertThat(caller.next("error").getString("code")).isEqualTo("wrong_state");
    }

    @Test
    void aFloodingCallerIsCutOffAndOtherChatsCarryOn() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe calm = caller(server);
        started(calm, "ro", "other", false);
        String calmChat = accepted(ana);
        SocketProbe flooder = caller(server);
        started(flooder, "ro", "other", false);

        for (int i = 0; i < 200 && !flooder.isClosed(); i++) {
            flooder.sendText("{\"type\":\"typing\"}");
        }

        assertThat(flooder.next("error").getString("code")).isEqualTo("rate_limited");
        assertThat(flooder.awaitClose()).isEqualTo((short) 1008);
        calm.send(say("still here", 1));
        assertThat(ana.next(m -> "message".equals(m.getString("type")) && calmChat.equals(m.getString("contactId")),
                "the calm caller's message").getString("text")).isEqualTo("still here");
    }

    @Test
    void aCallerWhoNeverReadsIsCutOffAndOtherChatsCarryOn() {
        SocketProbe bogdan = availableConsole(server, "bogdan");
        SocketProbe calm = caller(server);
        started(calm, "ro", "other", false);
        String calmChat = accepted(bogdan);
        SocketProbe ana = availableConsole(server, "ana");
        try (RawWebSocket deaf = RawWebSocket.connect(server.port(), "/chat/ws")) {
            deaf.sendText(Chats.start("ro", "abroad_in_trouble", false).encode());
            String deafChat = accepted(ana);

            for (int i = 1; i <= 10; i++) {
                ana.send(operatorSays(deafChat, "are you there? " + "a".repeat(1000), i + 1));
            }
            ana.next(m -> "ack".equals(m.getString("type")) && m.getInteger("id") == 11, "the last ack");

            assertThat(deaf.readUntilClose(Duration.ofSeconds(5))).isEqualTo(1008);
        }
        calm.send(say("still here", 1));
        assertThat(bogdan.next(m -> "message".equals(m.getString("type")) && calmChat.equals(m.getString("contactId")),
                "the calm caller's message").getString("text")).isEqualTo("still here");
    }

    @Test
    void onlyTheChatPageAndConfiguredSitesMayOpenTheSocket() {
        assertThatThrownBy(() -> SocketProbe.connect(server.sockets(),
                server.options("/chat/ws").addHeader("Origin", "https://evil.example"))).hasMessageContaining("403");

        SocketProbe fromSite = SocketProbe.connect(server.sockets(), server.options("/chat/ws").addHeader("Origin", SITE));
        SocketProbe fromPage = SocketProbe.connect(server.sockets(),
                server.options("/chat/ws").addHeader("Origin", "http://localhost:" + server.port()));
        assertThat(server.get("/chat/ws").statusCode()).isEqualTo(400);
        fromSite.send(new JsonObject().put("type", "typing"));
        fromPage.send(new JsonObject().put("type", "typing"));
        assertThat(fromSite.isClosed()).isFalse();
    }

    @Test
    void theChatPageMayBeFramedOnlyByTheConfiguredSitesAndIsNeverCached() {
        HttpResponse<Buffer> page = server.get("/chat/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeader("Content-Type")).startsWith("text/html");
        assertThat(page.bodyAsString()).contains("id=\"quick-exit\"");
        assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'self' " + SITE)
                .contains("default-src 'self'");
        assertThat(page.getHeader("X-Frame-Options")).isNull();
        assertThat(page.getHeader("Cache-Control")).isEqualTo("no-store");
        assertThat(server.get("/chat/chat.js").getHeader("Content-Type")).contains("javascript");

        HttpResponse<Buffer> elsewhere = server.get("/health");
        assertThat(elsewhere.getHeader("X-Frame-Options")).isEqualTo("DENY");
        assertThat(elsewhere.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
    }

    @Test
    void thePageLearnsItsSettingsFromTheServer() {
        JsonObject settings = server.get("/chat/settings.json").bodyAsJsonObject();

        assertThat(settings.getJsonArray("languages")).containsExactly("ro", "en");
        assertThat(settings.getString("quickExitUrl")).isEqualTo("https://www.google.com/");
        assertThat(settings.getLong("reconnectWindowSeconds")).isEqualTo(120);
        assertThat(settings.getInteger("maxMessageBytes")).isEqualTo(2048);
        assertThat(settings.getJsonObject("openingHours").getString("zone")).isEqualTo("Europe/Bucharest");
        assertThat(settings.getJsonObject("openingHours").getJsonObject("days").getJsonArray("monday"))
                .containsExactly("08:00-16:00");
    }
}
