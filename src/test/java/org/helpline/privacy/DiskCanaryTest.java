package org.helpline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.nio.file.FileVisitResult;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RedisServer;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Redis persistence on as in production (append-only file and RDB snapshots), chat text and any other
 * value leave Redis's files on disk a bounded time after their end of life: every file in Redis's data
 * folder is searched for the canary, byte for byte.
 */
@DisplayName("nothing readable left on disk")
class DiskCanaryTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.persistent();

    private static final String SENTENCE = "Ma tine inchisa Lavinia Bratescu-Ungureanu in Stuttgart";
    private static final String EXPIRING = "canary-session-Teodora-Vlasceanu";
    /** The reconnect window and the compaction interval, short as a test needs them. */
    private static final Duration WINDOW = Duration.ofMinutes(2);

    private final FakeClock clock = new FakeClock();

    @Test
    void chatTextAndExpiredValuesLeaveTheAofAndTheSnapshotSoonAfterTheirEnd(@TempDir Path dir) {
        Account ana = new Account("ana", Role.OPERATOR, new PasswordHash(1000).hash(TestServer.PASSWORD), Set.of("ro"),
                Set.of(Channel.CHAT), null, null, "Ana", false);
        try (TestServer server = TestServer.start(dir, clock, """
                chat: { sweepInterval: 20ms, reconnectWindow: %ds }
                privacy: { compactRedisEvery: 300ms }
                store:
                  type: redis
                  redis: { url: "%s", password: "%s", keyPrefix: "%s" }
                """.formatted(WINDOW.toSeconds(), REDIS.url(), REDIS.password(), REDIS.keyPrefix()), List.of(ana))) {
            SocketProbe console = server.console("ana");
            console.next("welcome");
            console.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 1));
            console.next("ack");
            SocketProbe caller = SocketProbe.connect(server.sockets(), server.options("/chat/ws"));
            caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble")
                    .put("danger", false));
            caller.next("started");
            String contactId = console.next("offer").getJsonObject("contact").getString("id");
            console.send(new JsonObject().put("type", "accept").put("contactId", contactId).put("id", 2));
            caller.next("connected");
            caller.send(new JsonObject().put("type", "say").put("text", SENTENCE).put("id", 1));
            caller.next("ack");
            // a value the server does not delete: it only expires (a session, a login throttle)
            REDIS.call("SET", REDIS.keyPrefix() + "value:canary", EXPIRING, "PX", "1000");

            Eventually.until(() -> onDisk(SENTENCE) && onDisk(EXPIRING), "the canaries reach Redis's files (the test can fail)");

            caller.send(new JsonObject().put("type", "end"));
            caller.next("ended");
            clock.advance(WINDOW.plusSeconds(1)); // the chat room deletes the transcript a window after the end
            Eventually.until(() -> REDIS.keys().stream().noneMatch(key -> key.contains("chat:") || key.endsWith("value:canary")),
                    "the transcript deleted and the value expired in Redis");

            Eventually.until(() -> !onDisk(SENTENCE) && !onDisk(EXPIRING), "no file in Redis's data folder holds a canary");
            assertThat(filesIn(REDIS.dataFolder())).as("the append-only file and the snapshot were searched")
                    .anyMatch(file -> file.getFileName().toString().endsWith(".aof"))
                    .anyMatch(file -> file.getFileName().toString().equals("dump.rdb"));
        }
    }

    private static boolean onDisk(String canary) {
        byte[] wanted = canary.getBytes(StandardCharsets.UTF_8);
        return filesIn(REDIS.dataFolder()).stream().anyMatch(file -> contains(read(file), wanted));
    }

    /** Every file under the folder; Redis's temporary files may vanish while it is walked. */
    private static List<Path> filesIn(Path folder) {
        List<Path> files = new ArrayList<>();
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        files.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException gone) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0]; // Redis removed it meanwhile: nothing left there
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
