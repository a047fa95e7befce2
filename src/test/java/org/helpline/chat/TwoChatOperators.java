package org.helpline.chat;

import java.nio.file.Path;
import java.util.List;

import org.helpline.testing.FakeClock;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chat tests' usual server, fresh for each test: ana (Romanian) and bogdan (Romanian, English) take chats,
 * shown as "Ana" and "Bogdan"; chats are swept fast on the test's fake clock. A test may replace {@link #server}
 * (it is closed after the test all the same).
 */
abstract class TwoChatOperators {
    protected final FakeClock clock = new FakeClock();
    protected TestServer server;

    @BeforeEach
    void startServer(@TempDir Path dir) {
        server = TestServer.start(dir, clock, Chats.FAST_SWEEP, List.of(
                Chats.operator("ana", "Ana", "ro"), Chats.operator("bogdan", "Bogdan", "ro", "en")));
    }

    @AfterEach
    void closeServer() {
        server.close();
    }
}
