package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.chat.Chats.accepted;
import static org.helpline.chat.Chats.availableConsole;
import static org.helpline.chat.Chats.caller;
import static org.helpline.chat.Chats.operatorSays;
import static org.helpline.chat.Chats.say;
import static org.helpline.chat.Chats.started;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.vertx.core.json.JsonObject;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RedisServer;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

@DisplayName("what a web chat leaves behind")
class ChatPrivacyTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    private static final String CALLER_SECRET = "my-employer-Vasile-took-my-passport";
    private static final String OPERATOR_SECRET = "call-the-consulate-in-Milano";

    private final FakeClock clock = new FakeClock();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        Logger root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        server = TestServer.start(dir, clock, Chats.FAST_SWEEP + """
                store:
                  type: redis
                  redis: { url: "%s", password: "%s", keyPrefix: "%s" }
                """.formatted(REDIS.url(), REDIS.password(), REDIS.keyPrefix()), List.of(Chats.operator("ana", "Ana", "ro")));
    }

    @AfterEach
    void stop() {
        server.close();
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(log);
    }

    private List<String> logLines() {
        return log.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
    }

    @Test
    void chatTextAndTokensNeverReachTheLogAndLeaveRedisOneWindowAfterTheEnd() {
        SocketProbe ana = availableConsole(server, "ana");
        SocketProbe caller = caller(server);
        String token = started(caller, "ro", "abroad_in_trouble", false);
        String sessionId = token.substring(0, token.indexOf('.'));
        String contactId = accepted(ana);
        caller.send(say(CALLER_SECRET, 1));
        caller.next("ack");
        ana.next("message");
        caller.send(say(CALLER_SECRET + "x".repeat(2100), 2));   // refused as too large
        caller.next("error");
        caller.send(new JsonObject().put("type", "say").put("text", CALLER_SECRET));  // refused: no id
        caller.next("error");
        caller.sendText("{\"type\":\"say\",\"text\":\"" + CALLER_SECRET);            // refused: not JSON
        caller.next("error");
        ana.send(operatorSays(contactId, OPERATOR_SECRET, 2));
        caller.next("message");
        ana.send(operatorSays("no-such-contact", OPERATOR_SECRET, 3));
        ana.next("error");

        Map<String, Long> whileOpen = REDIS.keysWithTtl();
        assertThat(whileOpen.keySet()).anyMatch(key -> key.contains(sessionId));
        assertThat(whileOpen).allSatisfy((key, ttl) -> assertThat(ttl).as("TTL of %s", key).isPositive());
        assertThat(whileOpen.entrySet()).filteredOn(e -> e.getKey().contains(sessionId))
                .allSatisfy(e -> assertThat(e.getValue()).isLessThanOrEqualTo(Duration.ofMinutes(3).toMillis()));

        caller.close();
        caller.awaitClose();
        ana.send(Chats.request("end", contactId).put("id", 4));
        ana.next("ack");
        clock.advance(Duration.ofMinutes(2));

        Instant deadline = Instant.now().plusSeconds(5);
        while (REDIS.keys().stream().anyMatch(key -> key.contains(sessionId)) && Instant.now().isBefore(deadline)) {
            Thread.onSpinWait();
        }
        assertThat(REDIS.keys()).noneMatch(key -> key.contains(sessionId));
        for (String key : REDIS.keys()) {
            Object value = "string".equals(REDIS.call("TYPE", key)) ? REDIS.call("GET", key) : "";
            assertThat(String.valueOf(value)).as(key).doesNotContain(CALLER_SECRET).doesNotContain(OPERATOR_SECRET);
        }
        assertThat(logLines()).isNotEmpty()
                .noneMatch(line -> line.contains(CALLER_SECRET) || line.contains(OPERATOR_SECRET))
                .noneMatch(line -> line.contains(token.substring(token.indexOf('.') + 1)));
    }
}
