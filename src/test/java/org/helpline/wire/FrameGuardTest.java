package org.helpline.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.helpline.testing.FakeClock;
import org.helpline.testing.RawWebSocket;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("protocol errors close a socket with the code RFC 6455 gives them")
class FrameGuardTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final int TEXT = 1;
    private static final int CONTINUATION = 0;
    private static TestServer server;

    @BeforeAll
    static void start(@TempDir Path dir) {
        server = TestServer.start(dir, new FakeClock(), "", List.of());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aFrameOverTheLimitClosesWith1009() {
        try (RawWebSocket client = RawWebSocket.connect(server.port(), "/chat/ws")) {
            client.sendFrameHead(JsonSocket.MAX_MESSAGE_BYTES + 1);
            assertThat(client.readUntilClose(PATIENCE)).isEqualTo(1009);
        }
    }

    @Test
    void aFragmentedMessageOverTheLimitClosesWith1009() {
        byte[] fragment = "x".repeat(16 * 1024).getBytes(StandardCharsets.UTF_8);
        try (RawWebSocket client = RawWebSocket.connect(server.port(), "/chat/ws")) {
            client.sendFrame(false, 0, TEXT, fragment);
            for (int i = 0; i < 4; i++) { // 80 KB in all, no fragment over the limit by itself
                client.sendFrame(false, 0, CONTINUATION, fragment);
            }
            assertThat(client.readUntilClose(PATIENCE)).isEqualTo(1009);
        }
    }

    @Test
    void aFragmentedMessageUnderTheLimitStillArrives() {
        try (RawWebSocket client = RawWebSocket.connect(server.port(), "/chat/ws")) {
            client.sendFrame(false, 0, TEXT, "{\"type\":".getBytes(StandardCharsets.UTF_8));
            client.sendFrame(true, 0, CONTINUATION, "\"dance\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(client.readText(PATIENCE)).contains("\"code\":\"unknown_type\"");
        }
    }

    @Test
    void textThatIsNotUtf8ClosesWith1007() {
        try (RawWebSocket client = RawWebSocket.connect(server.port(), "/chat/ws")) {
            client.sendFrame(true, 0, TEXT, new byte[] {'{', '"', (byte) 0xc3, (byte) 0x28, '"', '}'});
            assertThat(client.readUntilClose(PATIENCE)).isEqualTo(1007);
        }
    }

    @Test
    void textCutInTheMiddleOfACharacterAcrossFragmentsIsStillUtf8() {
        byte[] word = "{\"type\":\"ţ\"}".getBytes(StandardCharsets.UTF_8);
        int cut = 10; // inside the two bytes of ţ
        try (RawWebSocket client = RawWebSocket.connect(server.port(), "/chat/ws")) {
            client.sendFrame(false, 0, TEXT, java.util.Arrays.copyOfRange(word, 0, cut));
            client.sendFrame(true, 0, CONTINUATION, java.util.Arrays.copyOfRange(word, cut, word.length));
            assertThat(client.readText(PATIENCE)).contains("\"code\":\"unknown_type\"");
        }
    }

    @Test
    void reservedBitsCloseWith1002() {
        try (RawWebSocket client = RawWebSocket.connect(server.port(), "/chat/ws")) {
            client.sendFrame(true, 4, TEXT, "{\"type\":\"start\"}".getBytes(StandardCharsets.UTF_8));
            assertThat(client.readUntilClose(PATIENCE)).isEqualTo(1002);
        }
    }

    @Test
    void theOperatorSocketIsGuardedAlike(@TempDir Path dir) {
        try (TestServer staffed = TestServer.start(dir, new FakeClock(), "", List.of(TestServer.operator("ana", "ro")))) {
            try (RawWebSocket client = RawWebSocket.connect(staffed.port(), "/operator/ws",
                    "Cookie: " + staffed.login("ana"))) {
                client.sendFrame(true, 2, TEXT, "{}".getBytes(StandardCharsets.UTF_8));
                assertThat(client.readUntilClose(PATIENCE)).isEqualTo(1002);
            }
        }
    }
}
