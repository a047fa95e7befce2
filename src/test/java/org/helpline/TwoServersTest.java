package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.testing.Eventually;
import org.helpline.testing.RedisServer;
import org.helpline.testing.HelplineProcess;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.AccountFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Two server processes sharing one real Redis: one active, one standing by, and what happens when the active one goes. */
@DisplayName("two servers")
class TwoServersTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Deadlines, not timings: whole JVMs start here, on a shared machine that can be loaded many times over. */
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    private final List<HelplineProcess> processes = new ArrayList<>();
    private Vertx vertx;
    private WebSocketClient sockets;

    @BeforeEach
    void accounts() {
        AccountFile accounts = new AccountFile(dir.resolve("accounts.json"));
        accounts.add(TestServer.operator("ana", "ro"));
        accounts.add(TestServer.supervisor("sofia"));
        vertx = Vertx.vertx();
        // 100 callers, a console and a supervisor at once: more than the client's default of 50 connections
        sockets = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(500));
    }

    @AfterEach
    void stopAll() {
        processes.forEach(HelplineProcess::close);
        vertx.close().await();
    }

    @Test
    void aKilledActiveServerIsReplacedByTheStandbyWithEveryWaitingChatInItsPlace() {
        HelplineProcess a = active("a");
        HelplineProcess b = standby("b");
        assertThat(b.status("/ready")).as("a standby is not ready").isEqualTo(503);
        assertThat(b.status("/api/me")).as("a standby serves nothing else").isEqualTo(503);
        SocketProbe ana = console(a, "ana");
        ana.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "training").put("id", 0));
        ana.next("ack");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tokens.add(startChat(a));
        }
        List<String> queueBefore = waiting(a);
        assertThat(queueBefore).hasSize(100);

        a.kill();
        long died = System.nanoTime();
        until(b, b::ready, "serves");
        long takeoverMillis = (System.nanoTime() - died) / 1_000_000;
        System.out.printf("takeover after kill -9: %d ms%n", takeoverMillis);

        assertThat(b.role()).isEqualTo("active");
        assertThat(waiting(b)).as("every waiting chat, in the same order").isEqualTo(queueBefore);
        for (int i = 0; i < tokens.size(); i += 9) {
            SocketProbe back = SocketProbe.connect(sockets, options(b, "/chat/ws"));
            back.send(new JsonObject().put("type", "resume").put("token", tokens.get(i)).put("after", 0));
            assertThat(back.next("resumed").getString("state")).isEqualTo("waiting");
            assertThat(back.next("queue").getInteger("position")).as("caller %d's place", i).isEqualTo(i + 1);
        }
    }

    @Test
    void aPausedActiveServerThatWakesUpAfterTheTakeoverIsRefusedAndStandsBy() {
        HelplineProcess a = active("a");
        HelplineProcess b = standby("b");
        SocketProbe ana = console(a, "ana");
        ana.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "training").put("id", 0));
        ana.next("ack");

        a.pause();
        until(b, b::ready, "takes over from the frozen server");
        String leaseOfB = String.valueOf(REDIS.call("GET", REDIS.keyPrefix() + "leader"));
        a.resume();
        // the old server's console asks for a change as soon as it wakes: it must never reach Redis
        ana.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "lunch").put("id", 1));
        until(a, () -> "standby".equals(a.role()), "stands by by itself");

        assertThat(a.status("/ready")).isEqualTo(503);
        assertThat(b.role()).isEqualTo("active");
        assertThat(REDIS.call("GET", REDIS.keyPrefix() + "leader")).isEqualTo(leaseOfB);
        assertThat(String.valueOf(REDIS.call("GET", REDIS.keyPrefix() + "operator:ana")))
                .contains("training").doesNotContain("lunch");
        assertThat(a.output()).contains("leadership.stepping_down");
    }

    @Test
    void aPlannedStopHandsOverAtOnceAndTheWaitingCallerResumesWithoutAnError() {
        HelplineProcess a = active("a");
        HelplineProcess b = standby("b");
        SocketProbe ana = console(a, "ana");
        ana.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "training").put("id", 0));
        ana.next("ack");
        SocketProbe caller = SocketProbe.connect(sockets, options(a, "/chat/ws"));
        String token = started(caller);

        long stopping = System.nanoTime();
        a.stop();
        until(b, b::ready, "serves");
        long handOverMillis = (System.nanoTime() - stopping) / 1_000_000;

        caller.awaitClose();
        assertThat(caller.drained()).noneMatch(m -> "error".equals(m.getString("type")));
        SocketProbe back = SocketProbe.connect(sockets, options(b, "/chat/ws"));
        back.send(new JsonObject().put("type", "resume").put("token", token).put("after", 0));
        assertThat(back.next("resumed").getString("state")).isEqualTo("waiting");
        System.out.printf("planned hand-over: %d ms%n", handOverMillis);
    }

    private String startChat(HelplineProcess server) {
        return started(SocketProbe.connect(sockets, options(server, "/chat/ws")));
    }

    private static String started(SocketProbe caller) {
        caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble").put("danger", false));
        JsonObject answer = caller.next(m -> "started".equals(m.getString("type")) || "error".equals(m.getString("type"))
                || "closed".equals(m.getString("type")), "the chat's start");
        assertThat(answer.getString("type")).as(answer.encode()).isEqualTo("started");
        return answer.getString("token");
    }

    private HelplineProcess active(String name) {
        HelplineProcess server = launch(name);
        until(server, server::ready, "becomes the active server");
        return server;
    }

    private HelplineProcess standby(String name) {
        HelplineProcess server = launch(name);
        until(server, () -> "standby".equals(server.role()), "stands by");
        return server;
    }

    private static void until(HelplineProcess server, java.util.function.BooleanSupplier condition, String what) {
        try {
            Eventually.until(condition, server + " " + what, PROCESS_WAIT);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its output:\n" + server.output(), e);
        }
    }

    private HelplineProcess launch(String name) {
        HelplineProcess server = HelplineProcess.start(dir, name, TestServer.freePort(), """
                auth: { accountsFile: "accounts.json", hashIterations: 1000 }
                telephony:
                  enabled: false
                  openingHours: { zone: UTC, weekly: { monday: "00:00-23:59", tuesday: "00:00-23:59", wednesday: "00:00-23:59",
                                  thursday: "00:00-23:59", friday: "00:00-23:59", saturday: "00:00-23:59", sunday: "00:00-23:59" } }
                routing: { tickInterval: 20ms }
                store:
                  type: redis
                  redis:
                    url: "%s"
                    password: "%s"
                    keyPrefix: "%s"
                    leadership: { enabled: true, leaseTtl: 3s, renewEvery: 1s, server: "%s" }
                """.formatted(REDIS.url(), REDIS.password(), REDIS.keyPrefix(), name));
        processes.add(server);
        return server;
    }

    private WebSocketConnectOptions options(HelplineProcess server, String path) {
        return new WebSocketConnectOptions().setHost("localhost").setPort(server.httpPort()).setURI(path);
    }

    private SocketProbe console(HelplineProcess server, String name) {
        SocketProbe console = SocketProbe.connect(sockets, options(server, "/operator/ws").addHeader("Cookie", login(server, name)));
        console.next("welcome");
        return console;
    }

    /** The contacts the supervisor view lists as waiting, in the order they will be offered. */
    private List<String> waiting(HelplineProcess server) {
        SocketProbe view = SocketProbe.connect(sockets, options(server, "/supervisor/ws").addHeader("Cookie", login(server, "sofia")));
        JsonArray contacts = view.next("snapshot").getJsonArray("contacts");
        view.close();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            if ("queued".equals(contacts.getJsonObject(i).getString("state"))) {
                ids.add(contacts.getJsonObject(i).getString("id"));
            }
        }
        return ids;
    }

    private static String login(HelplineProcess server, String name) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.httpPort() + "/api/login"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", name)
                            .put("password", TestServer.PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("login of " + name).isEqualTo(200);
            String cookie = response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("helpline_session=")).findFirst().orElseThrow();
            return cookie.substring(0, cookie.indexOf(';'));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
