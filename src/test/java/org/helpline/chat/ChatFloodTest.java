package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.chat.Chats.pausedConsole;
import static org.helpline.chat.Chats.started;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.helpline.testing.FakeClock;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One source flooding the chat cannot close it for everybody; a caller in danger now is never turned away. */
@DisplayName("a flood of chats from one source")
class ChatFloodTest {
    private static final String FLOODER = "203.0.113.7";
    private final FakeClock clock = new FakeClock();
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        // the tests' connections come from 127.0.0.1, here a trusted proxy that names each caller's address
        server = TestServer.start(dir, clock, """
                chat:
                  sweepInterval: 20ms
                  maxWaiting: 5
                  trustedProxies: ["127.0.0.1"]
                  perSource: { maxWaiting: 2, maxStarts: 4, window: 10m }
                """, List.of(Chats.operator("ana", "Ana", "ro")));
        pausedConsole(server, "ana"); // nobody takes chats: they all wait
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SocketProbe callerFrom(String address) {
        return SocketProbe.connect(server.sockets(), server.options("/chat/ws")
                .addHeader("X-Forwarded-For", "198.18.0.99, " + address)); // what the client wrote itself comes first
    }

    private void turnedAway(SocketProbe caller, boolean danger) {
        caller.send(Chats.start("ro", "other", danger));
        assertThat(caller.next("closed").getString("reason")).isEqualTo("busy");
        assertThat(caller.awaitClose()).as("the busy connection is closed, holding nothing").isEqualTo((short) 1000);
    }

    @Test
    void otherCallersAreStillServedAndSomeoneInDangerIsNeverTurnedAway() {
        started(callerFrom(FLOODER), "ro", "other", false);
        started(callerFrom(FLOODER), "ro", "other", false);
        for (int i = 0; i < 3; i++) {
            turnedAway(callerFrom(FLOODER), false);
        }

        for (int i = 1; i <= 3; i++) {
            started(callerFrom("198.51.100." + i), "ro", "before_departure", false);
        }
        turnedAway(callerFrom("198.51.100.4"), false); // the room's own cap still holds: 5 wait

        // in danger now: past the source's limit and the room's cap alike
        SocketProbe inDanger = callerFrom(FLOODER);
        inDanger.send(Chats.start("ro", "abroad_in_trouble", true));
        assertThat(inDanger.next("started").getString("token")).isNotBlank();
        assertThat(inDanger.next("queue").getInteger("position")).isEqualTo(1);
    }

    @Test
    void oneSourceStartsAtMostMaxStartsChatsAWindowEvenIfItEndsThem() {
        for (int i = 0; i < 4; i++) {
            SocketProbe caller = callerFrom(FLOODER);
            started(caller, "ro", "other", false);
            caller.send(new JsonObject().put("type", "end"));
            caller.next("ended");
        }
        turnedAway(callerFrom(FLOODER), false);
        started(callerFrom("198.51.100.1"), "ro", "other", false);

        clock.advance(Duration.ofMinutes(10));
        started(callerFrom(FLOODER), "ro", "other", false);
    }
}
