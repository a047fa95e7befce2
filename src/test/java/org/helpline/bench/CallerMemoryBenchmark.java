package org.helpline.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.helpline.testing.Eventually;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server memory per caller: the server runs in a process of its own (started as production starts it,
 * {@code java … org.helpline.Main --config …}, with {@link #SERVER_JVM} flags), so its resident set
 * (RSS, from /proc) counts only the server. In each round a fresh server takes {@code chats} open
 * conversations (100 operators at 10 chats each; every caller and operator says one line, so whatever a
 * socket creates on its first message exists), then {@code idle} more callers who start a chat and wait
 * without a word. The clients offer {@code permessage-deflate} as browsers do. Run it with
 * {@code ./mvnw -q test -Dtest=CallerMemoryBenchmark -Pbenchmark}; it prints a table (also written to
 * target/caller-memory-benchmark.txt).
 */
class CallerMemoryBenchmark {
    /** The heap a helpline of this size runs with (README, "Memory"); the rest are the JVM's defaults. */
    static final List<String> SERVER_JVM = List.of("-Xms64m", "-Xmx192m");
    private static final int CHATS_PER_OPERATOR = 10;

    /** @param chats open conversations; {@code idle} further waiting callers; {@code rounds} fresh servers */
    record Size(int chats, int idle, int rounds) {
    }

    @Test
    void memoryPerCaller(@TempDir Path dir) throws Exception {
        String table = run(dir, new Size(1_000, 1_000, 3));
        Benchmarks.report("caller-memory-benchmark.txt", table);
    }

    static String run(Path dir, Size size) throws Exception {
        List<Result> results = new ArrayList<>();
        for (int round = 1; round <= size.rounds(); round++) {
            results.add(measure(dir.resolve("round-" + round), size));
        }
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            rows.append("%-6d %s%n".formatted(i + 1, results.get(i)));
        }
        Result median = new Result(
                Benchmarks.median(results.stream().map(r -> (double) r.startedKib()).toList()).longValue(),
                Benchmarks.median(results.stream().map(r -> (double) r.chatsKib()).toList()).longValue(),
                Benchmarks.median(results.stream().map(r -> (double) r.idleKib()).toList()).longValue(), size);
        return """
                Caller memory benchmark — %s
                server process: %s; %d open chats (%d operators), then %d idle waiting callers; %d rounds
                round  RSS started   RSS with chats   RSS + idle callers   per open chat   per idle caller
                %s
                median %s
                """.formatted(Machine.describe(), String.join(" ", SERVER_JVM), size.chats(),
                operators(size), size.idle(), size.rounds(), rows.toString().stripTrailing(), median);
    }

    private static int operators(Size size) {
        return (size.chats() + CHATS_PER_OPERATOR - 1) / CHATS_PER_OPERATOR;
    }

    record Result(long startedKib, long chatsKib, long idleKib, Size size) {
        double perChatKib() {
            return (double) (chatsKib - startedKib) / size.chats();
        }

        double perIdleKib() {
            return (double) (idleKib - chatsKib) / size.idle();
        }

        @Override
        public String toString() {
            return "%8.1f MiB  %11.1f MiB  %15.1f MiB  %10.1f KiB  %12.1f KiB".formatted(startedKib / 1024.0,
                    chatsKib / 1024.0, idleKib / 1024.0, perChatKib(), perIdleKib());
        }
    }

    private static Result measure(Path dir, Size size) throws Exception {
        Files.createDirectories(dir);
        int port = TestServer.freePort();
        Process server = startServer(dir, port, size);
        Vertx clients = Vertx.vertx();
        try {
            WebClient web = WebClient.create(clients, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
            Eventually.until(() -> {
                if (!server.isAlive()) {
                    throw new AssertionError("the server process ended: " + tail(dir.resolve("server.log")));
                }
                try {
                    return web.get("/ready").send().await().statusCode() == 200;
                } catch (Exception notYet) { // not listening yet
                    return false;
                }
            }, "the server process is ready", java.time.Duration.ofSeconds(180));
            WebSocketClient sockets = clients.createWebSocketClient(new WebSocketClientOptions()
                    .setMaxConnections(4 * (size.chats() + size.idle())).setTryUsePerMessageCompression(true));
            long started = rssKib(server);
            List<WebSocket> operators = new ArrayList<>();
            for (int i = 0; i < operators(size); i++) {
                operators.add(operator(web, sockets, port, "op" + i));
            }
            List<WebSocket> callers = new ArrayList<>();
            LongAdder connected = new LongAdder();
            for (int i = 0; i < size.chats(); i++) {
                callers.add(caller(sockets, port, connected));
            }
            Eventually.until(() -> connected.sum() == size.chats(), "every chat is connected to an operator",
                    java.time.Duration.ofSeconds(120));
            settle();
            long withChats = rssKib(server);
            LongAdder waiting = new LongAdder();
            for (int i = 0; i < size.idle(); i++) {
                callers.add(waitingCaller(sockets, port, waiting));
            }
            Eventually.until(() -> waiting.sum() == size.idle(), "every idle caller is waiting",
                    java.time.Duration.ofSeconds(120));
            settle();
            return new Result(started, withChats, rssKib(server), size);
        } finally {
            clients.close().await(60, TimeUnit.SECONDS);
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** A moment for the server to finish its writes; RSS only grows meanwhile, so it can only make the figure worse. */
    private static void settle() throws InterruptedException {
        Thread.sleep(2_000); // a benchmark, not a test
    }

    private static Process startServer(Path dir, int port, Size size) throws IOException {
        String hash = new PasswordHash(1000).hash(TestServer.PASSWORD);
        JsonArray accounts = new JsonArray();
        for (int i = 0; i < operators(size); i++) {
            accounts.add(new JsonObject().put("name", "op" + i).put("role", "operator").put("displayName", "Op")
                    .put("languages", new JsonArray().add("ro")).put("channels", new JsonArray().add("chat"))
                    .put("passwordChangeRequired", false).put("passwordHash", hash));
        }
        Files.writeString(dir.resolve("accounts.json"), new JsonObject().put("version", 1).put("accounts", accounts).encode());
        Path config = dir.resolve("helpline.yaml");
        Files.writeString(config, """
                http: { port: %d, publicUrl: "http://localhost:%d" }
                auth: { accountsFile: "%s", hashIterations: 1000 }
                routing: { chatCapacity: %d }
                telephony:
                  enabled: false
                  openingHours: { weekly: { monday: "00:00-24:00", tuesday: "00:00-24:00", wednesday: "00:00-24:00",
                    thursday: "00:00-24:00", friday: "00:00-24:00", saturday: "00:00-24:00", sunday: "00:00-24:00" } }
                chat: { maxWaiting: %d }
                guidance: { directory: "%s" }
                """.formatted(port, port, dir.resolve("accounts.json"), CHATS_PER_OPERATOR, size.chats() + size.idle(),
                Path.of("config", "guidance").toAbsolutePath()));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(SERVER_JVM);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.helpline.Main", "--config", config.toString()));
        return new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(new File(dir.toFile(), "server.log")).start();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static long rssKib(Process server) throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(server.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    private static WebSocket operator(WebClient web, WebSocketClient sockets, int port, String name) {
        String cookie = web.post("/api/login").sendJsonObject(new JsonObject().put("name", name).put("password", TestServer.PASSWORD))
                .await().cookies().stream().filter(c -> c.startsWith("helpline_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
        Promise<Void> available = Promise.promise();
        WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/operator/ws")
                .addHeader("Cookie", cookie)).await();
        ws.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            switch (message.getString("type")) {
                case "ack" -> {
                    if (message.containsKey("operator")) {
                        available.tryComplete();
                    }
                }
                case "offer" -> ws.writeTextMessage(new JsonObject().put("type", "accept")
                        .put("contactId", message.getJsonObject("contact").getString("id")).encode());
                case "message" -> {
                    if ("caller".equals(message.getString("from"))) {
                        ws.writeTextMessage(new JsonObject().put("type", "say").put("contactId", message.getString("contactId"))
                                .put("text", "Bună ziua, vă ascult.").put("id", message.getLong("seq")).encode());
                    }
                }
                default -> {
                }
            }
        });
        ws.writeTextMessage(new JsonObject().put("type", "presence").put("presence", "available").encode());
        available.future().await();
        return ws;
    }

    /** A caller who starts, and once connected says one line; counted when the operator's answer arrives. */
    private static WebSocket caller(WebSocketClient sockets, int port, LongAdder answered) {
        WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/chat/ws")).await();
        ws.textMessageHandler(text -> {
            JsonObject message = new JsonObject(text);
            switch (message.getString("type")) {
                case "connected" -> ws.writeTextMessage(new JsonObject().put("type", "say")
                        .put("text", "Am nevoie de ajutor, sunt în străinătate.").put("id", 1).encode());
                case "message" -> {
                    if ("operator".equals(message.getString("from"))) {
                        answered.increment();
                    }
                }
                default -> {
                }
            }
        });
        ws.writeTextMessage(start());
        return ws;
    }

    /** A caller who starts a chat and waits in the queue; counted at the first place in the queue. */
    private static WebSocket waitingCaller(WebSocketClient sockets, int port, LongAdder waiting) {
        WebSocket ws = sockets.connect(new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI("/chat/ws")).await();
        boolean[] counted = new boolean[1];
        ws.textMessageHandler(text -> {
            if (!counted[0] && "queue".equals(new JsonObject(text).getString("type"))) {
                counted[0] = true;
                waiting.increment();
            }
        });
        ws.writeTextMessage(start());
        return ws;
    }

    private static String start() {
        return new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble")
                .put("danger", false).encode();
    }
}
