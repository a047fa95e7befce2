package org.helpline.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.helpline.testing.RedisServer;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.PasswordHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Web chat relay: 2,000 callers each in a chat with an operator who answers, through the whole server
 * (caller socket, chat room, router, event bus, operator socket; in memory, then over Redis, where
 * every message is recorded before it is acknowledged), against a bare
 * Vert.x WebSocket relay that pairs the same sockets and passes the same JSON messages along, in the same
 * run and the same JVM. Run it with {@code ./mvnw -q test -Dtest=ChatBenchmark}; it prints a table (also
 * written to target/chat-benchmark.txt) and is not part of the test suite. Needs {@code ulimit -n} of
 * at least 10,000: callers, operators, and both ends of every socket live in this one process.
 *
 * <ul>
 *   <li>latency: every caller writes once every 2 s (1,000 messages/s in all) and the operator answers
 *       each at once (another 1,000/s); the time from a client sending a message to the other side
 *       receiving it, both directions together.</li>
 *   <li>throughput: each caller writes again as soon as the server acknowledges the last message (one in
 *       flight per chat) and the operator answers every tenth (an operator's socket takes at most 10
 *       messages a second); messages delivered per second, both directions.</li>
 *   <li>memory: heap after a full GC with the 2,000 chats connected and idle, minus the heap with only the
 *       operators connected, per chat. It counts both ends of the caller's socket (the client lives in this
 *       JVM too); the bare relay's figure is that share, so the difference is what the helpline itself keeps.</li>
 * </ul>
 */
class ChatBenchmark {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    /** The documented run; the test suite's smoke run takes a few chats for a few seconds. */
    static final Size FULL = new Size(Integer.getInteger("chats", 2_000), Integer.getInteger("rounds", 3), 5_000, 15_000);
    private static final long WRITE_EVERY_MS = 2_000;
    private static final int CONNECTING_AT_ONCE = 100;
    private static final String PADDING = " " + "x".repeat(80);
    /** In the throughput run operators answer every tenth message, as people do, within their socket's limit. */
    private static final int REPLY_EVERY = 10;

    /** @param warmUpMs before each run is measured; @param runMs each run's measured time */
    record Size(int chats, int rounds, long warmUpMs, long runMs) {
    }

    @Test
    void relayChats(@TempDir Path dir) throws Exception {
        Benchmarks.report("chat-benchmark.txt", run(dir, FULL, REDIS));
    }

    /** @param redisServer a running Redis for the third server */
    static String run(Path dir, Size size, RedisServer redisServer) throws Exception {
        String machine = Machine.describe();
        StringBuilder rounds = new StringBuilder();
        List<Result> bare = new ArrayList<>();
        List<Result> memory = new ArrayList<>();
        List<Result> redis = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> redisRatios = new ArrayList<>();
        // The three servers take turns, round after round, so that whatever else the machine is doing
        // weighs on all of them alike; the table gives every round and the medians.
        for (int round = 1; round <= size.rounds(); round++) {
            bare.add(measure("bare relay", new BareTarget(), size));
            memory.add(measure("helpline", new HelplineTarget(dir.resolve("memory-" + round), "", size.chats()), size));
            redis.add(measure("+ Redis", new HelplineTarget(dir.resolve("redis-" + round), """
                    store:
                      type: redis
                      redis: { url: "%s", password: "%s", keyPrefix: "%s" }
                    """.formatted(redisServer.url(), redisServer.password(), redisServer.keyPrefix() + round + ":"), size.chats()), size));
            ratios.add(memory.getLast().messagesPerSecond() / bare.getLast().messagesPerSecond());
            redisRatios.add(redis.getLast().messagesPerSecond() / bare.getLast().messagesPerSecond());
            for (Result result : List.of(bare.getLast(), memory.getLast(), redis.getLast())) {
                rounds.append("%-6d %s%n".formatted(round, result));
            }
        }
        String table = """
                Chat relay benchmark — %s
                %d chats, one operator each; latency run: %d messages/s in all, %d s; throughput run: %d s; %d rounds
                round  server       p50        p99        messages/s   heap per idle chat   errors   rate-limited
                %s
                median %s
                median %s
                median %s
                helpline/bare throughput, median of the rounds: %.2f (with Redis: %.2f)
                the helpline's own heap per idle chat (median helpline − median bare): %.1f KiB
                """.formatted(machine, size.chats(), 2 * size.chats() * 1000 / WRITE_EVERY_MS, size.runMs() / 1000,
                size.runMs() / 1000, size.rounds(),
                rounds.toString().stripTrailing(), median(bare), median(memory), median(redis), middle(ratios),
                middle(redisRatios), (median(memory).bytesPerChat() - median(bare).bytesPerChat()) / 1024.0);
        return table;
    }

    /** Each figure's median over the rounds. */
    private static Result median(List<Result> results) {
        return new Result(results.getFirst().server(),
                middle(results.stream().map(Result::p50Millis).toList()),
                middle(results.stream().map(Result::p99Millis).toList()),
                middle(results.stream().map(Result::messagesPerSecond).toList()),
                middle(results.stream().map(Result::bytesPerChat).toList()),
                results.stream().mapToLong(Result::errors).sum(),
                results.stream().mapToLong(Result::rateLimited).sum());
    }

    private static double middle(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private record Result(String server, double p50Millis, double p99Millis, double messagesPerSecond,
                          double bytesPerChat, long errors, long rateLimited) {
        @Override
        public String toString() {
            return "%-11s %6.2f ms  %7.2f ms   %10.0f   %14.1f KiB   %6d   %6d".formatted(server, p50Millis, p99Millis,
                    messagesPerSecond, bytesPerChat / 1024, errors, rateLimited);
        }
    }

    private static Result measure(String name, Target target, Size size) throws Exception {
        Vertx clients = Vertx.vertx();
        try {
            target.start();
            Load load = new Load(clients, target, size);
            load.connectOperators();
            long before = heapAfterGc();
            load.connectCallers();
            long idle = heapAfterGc() - before;
            long[] latencies = load.latencyRun();
            double throughput = load.throughputRun();
            return new Result(name, percentile(latencies, 50), percentile(latencies, 99), throughput,
                    (double) idle / size.chats(), load.errors.sum(), load.limited.sum());
        } finally {
            // the clients go first, while the server can still answer their close
            clients.close().await(60, java.util.concurrent.TimeUnit.SECONDS);
            target.close();
        }
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200); // a benchmark, not a test: lets the collector finish its concurrent work
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double percentile(long[] nanos, int percent) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)] / 1e6;
    }

    /** What the load talks to: the helpline, or the bare relay; both speak the same JSON messages. */
    private interface Target extends AutoCloseable {
        void start() throws Exception;

        int port();

        /** Options for operator {@code i}'s socket (the helpline logs them in first). */
        Future<WebSocketConnectOptions> operatorSocket(Vertx clients, int i);

        WebSocketConnectOptions callerSocket(int i);

        /** Whether the operator must go available and accept an offer, and the caller must start. */
        boolean routed();

        @Override
        void close() throws Exception;
    }

    /** The whole helpline (in memory, or over Redis), with an operator account per chat. */
    private static final class HelplineTarget implements Target {
        private final Path dir;
        private final String storeYaml;
        private final int chats;
        private TestServer server;

        HelplineTarget(Path dir, String storeYaml, int chats) {
            this.dir = dir;
            this.chats = chats;
            this.storeYaml = storeYaml;
        }

        @Override
        public void start() throws Exception {
            Files.createDirectories(dir);
            String hash = new PasswordHash(1000).hash(TestServer.PASSWORD);
            JsonArray accounts = new JsonArray();
            for (int i = 0; i < chats; i++) {
                accounts.add(new JsonObject().put("name", "op" + i).put("role", "operator").put("displayName", "Op")
                        .put("languages", new JsonArray().add("ro")).put("channels", new JsonArray().add("chat"))
                        .put("chatCapacity", 1).put("passwordChangeRequired", false).put("passwordHash", hash));
            }
            accounts.add(new JsonObject().put("name", "admin").put("role", "supervisor").put("passwordChangeRequired", false)
                    .put("passwordHash", hash));
            Files.writeString(dir.resolve("accounts.json"), new JsonObject().put("version", 1).put("accounts", accounts).encode());
            // Production's timer settings rather than the test server's quick ones, open all week, and room for
            // every caller to wait at once (they all start together, before the operators have accepted),
            // whenever the benchmark runs (these replace the test server's own routing and telephony lines).
            server = TestServer.start(dir, Clock.systemUTC(), """
                    routing: { tickInterval: 250ms, disconnectGrace: 30s }
                    telephony:
                      enabled: false
                      openingHours: { weekly: { monday: "00:00-24:00", tuesday: "00:00-24:00", wednesday: "00:00-24:00",
                        thursday: "00:00-24:00", friday: "00:00-24:00", saturday: "00:00-24:00", sunday: "00:00-24:00" } }
                    chat: { maxMessages: 1000000, maxWaiting: %d, rateLimit: { burst: 100000, perSecond: 100000 } }
                    """.formatted(chats) + storeYaml, List.of());
        }

        @Override
        public int port() {
            return server.port();
        }

        @Override
        public Future<WebSocketConnectOptions> operatorSocket(Vertx clients, int i) {
            WebClient web = WebClient.create(clients, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port()));
            return sessionCookie(clients, web, "op" + i, 10)
                    .onComplete(done -> web.close())
                    .map(cookie -> new WebSocketConnectOptions().setHost("localhost").setPort(port()).setURI("/operator/ws")
                            .addHeader("Cookie", cookie));
        }

        /** Logs in; a 503 (too many logins being checked at once: all operators start together) is tried again shortly. */
        private static Future<String> sessionCookie(Vertx clients, WebClient web, String name, int tries) {
            return web.post("/api/login").sendJsonObject(new JsonObject().put("name", name).put("password", TestServer.PASSWORD))
                    .compose(response -> {
                        if (response.statusCode() == 503 && tries > 1) {
                            return clients.timer(200).compose(t -> sessionCookie(clients, web, name, tries - 1));
                        }
                        return response.cookies().stream().filter(c -> c.startsWith("helpline_session="))
                                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().map(Future::succeededFuture)
                                .orElseGet(() -> Future.failedFuture(new IllegalStateException(
                                        name + " could not log in: " + response.statusCode() + " " + response.bodyAsString())));
                    });
        }

        @Override
        public WebSocketConnectOptions callerSocket(int i) {
            return new WebSocketConnectOptions().setHost("localhost").setPort(port()).setURI("/chat/ws");
        }

        @Override
        public boolean routed() {
            return true;
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /**
     * The bare relay: one verticle that pairs caller socket {@code i} with operator socket {@code i} and
     * passes messages along in the helpline's JSON (acknowledging each, echoing the operator's), with no
     * queue, router, store or event bus.
     */
    private static final class BareTarget implements Target {
        private Vertx vertx;
        private final Relay relay = new Relay();

        @Override
        public void start() {
            vertx = Vertx.vertx();
            vertx.deployVerticle(relay).await();
        }

        @Override
        public int port() {
            return relay.server.actualPort();
        }

        @Override
        public Future<WebSocketConnectOptions> operatorSocket(Vertx clients, int i) {
            return Future.succeededFuture(new WebSocketConnectOptions().setHost("localhost").setPort(port()).setURI("/o/" + i));
        }

        @Override
        public WebSocketConnectOptions callerSocket(int i) {
            return new WebSocketConnectOptions().setHost("localhost").setPort(port()).setURI("/c/" + i);
        }

        @Override
        public boolean routed() {
            return false;
        }

        @Override
        public void close() {
            vertx.close().await();
        }

        private static final class Relay extends VerticleBase {
            private final Map<String, ServerWebSocket> callers = new HashMap<>();
            private final Map<String, ServerWebSocket> operators = new HashMap<>();
            private final Map<String, Long> seqs = new HashMap<>();
            private HttpServer server;

            @Override
            public Future<?> start() {
                return vertx.createHttpServer().webSocketHandler(this::accept).listen(0).onSuccess(s -> server = s);
            }

            private void accept(ServerWebSocket ws) {
                String[] path = ws.path().split("/");
                String chat = path[2];
                boolean caller = path[1].equals("c");
                (caller ? callers : operators).put(chat, ws);
                ws.textMessageHandler(text -> relay(chat, caller, ws, new JsonObject(text)));
                ws.closeHandler(v -> (caller ? callers : operators).remove(chat, ws));
                if (caller && operators.containsKey(chat)) {
                    ws.writeTextMessage(new JsonObject().put("type", "connected").put("operator", "Op").encode());
                }
            }

            private void relay(String chat, boolean fromCaller, ServerWebSocket from, JsonObject say) {
                long seq = seqs.merge(chat, 1L, Long::sum);
                from.writeTextMessage(new JsonObject().put("type", "ack").put("id", say.getValue("id")).put("seq", seq).encode());
                String message = new JsonObject().put("type", "message").put("contactId", chat).put("seq", seq)
                        .put("from", fromCaller ? "caller" : "operator").put("text", say.getString("text"))
                        .put("sentAt", java.time.Instant.now().toString()).encode();
                ServerWebSocket to = (fromCaller ? operators : callers).get(chat);
                if (to != null) {
                    to.writeTextMessage(message);
                }
                if (!fromCaller) {
                    from.writeTextMessage(message);
                }
            }
        }
    }

    /** The callers and operators, as clients in their own Vert.x. */
    private static final class Load {
        private enum Phase { IDLE, LATENCY, THROUGHPUT }

        private final Vertx vertx;
        private final Target target;
        private final WebSocketClient client;
        private final Size size;
        private final WebSocket[] callers;
        private final String[] contactIds;
        private final int[] heardFrom;
        private final LongAdder delivered = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private final LongAdder limited = new LongAdder();
        private final AtomicLong ids = new AtomicLong();
        private final List<Long> samples = new ArrayList<>();
        private volatile Phase phase = Phase.IDLE;
        private volatile boolean measuring;

        Load(Vertx vertx, Target target, Size size) {
            this.vertx = vertx;
            this.target = target;
            this.size = size;
            this.callers = new WebSocket[size.chats()];
            this.contactIds = new String[size.chats()];
            this.heardFrom = new int[size.chats()];
            this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(4 * size.chats())
                    .setMaxFrameSize(65536));
        }

        void connectOperators() {
            Promise<Void> allAvailable = Promise.promise();
            LongAdder available = new LongAdder();
            inBatches(i -> target.operatorSocket(vertx, i).compose(client::connect).map(ws -> {
                ws.textMessageHandler(text -> operatorHears(i, ws, new JsonObject(text), available, allAvailable));
                if (target.routed()) {
                    ws.writeTextMessage(new JsonObject().put("type", "presence").put("presence", "available").encode());
                } else {
                    contactIds[i] = String.valueOf(i);
                }
                return ws;
            }));
            if (target.routed()) {
                allAvailable.future().await();
            }
        }

        void connectCallers() {
            Promise<Void> allConnected = Promise.promise();
            LongAdder connected = new LongAdder();
            inBatches(i -> client.connect(target.callerSocket(i)).map(ws -> {
                callers[i] = ws;
                ws.textMessageHandler(text -> callerHears(i, ws, new JsonObject(text), connected, allConnected));
                if (target.routed()) {
                    ws.writeTextMessage(new JsonObject().put("type", "start").put("language", "ro").put("topic", "other")
                            .put("danger", false).encode());
                }
                return ws;
            }));
            allConnected.future().await();
        }

        private void inBatches(IntFunction<Future<WebSocket>> open) {
            for (int from = 0; from < size.chats(); from += CONNECTING_AT_ONCE) {
                List<Future<WebSocket>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(size.chats(), from + CONNECTING_AT_ONCE); i++) {
                    batch.add(open.apply(i));
                }
                Future.all(batch).await();
            }
        }

        private void operatorHears(int i, WebSocket ws, JsonObject message, LongAdder available, Promise<Void> allAvailable) {
            switch (message.getString("type")) {
                case "ack" -> {
                    if (message.containsKey("operator")) {
                        available.increment();
                        if (available.sum() == size.chats()) {
                            allAvailable.tryComplete();
                        }
                    }
                }
                case "offer" -> {
                    contactIds[i] = message.getJsonObject("contact").getString("id");
                    ws.writeTextMessage(new JsonObject().put("type", "accept").put("contactId", contactIds[i]).encode());
                }
                case "message" -> {
                    if ("caller".equals(message.getString("from"))) {
                        heard(message.getString("text"));
                        if (phase == Phase.LATENCY || ++heardFrom[i] % REPLY_EVERY == 0) {
                            reply(i, ws);
                        }
                    }
                }
                case "error" -> {
                    // The operator socket's own limit (10 a second) binds a single chat going flat out: try again.
                    if ("rate_limited".equals(message.getString("code"))) {
                        limited.increment();
                        vertx.setTimer(100, t -> reply(i, ws));
                    } else {
                        errors.increment();
                    }
                }
                default -> {
                }
            }
        }

        private void callerHears(int i, WebSocket ws, JsonObject message, LongAdder connected, Promise<Void> allConnected) {
            switch (message.getString("type")) {
                case "connected" -> {
                    connected.increment();
                    if (connected.sum() == size.chats()) {
                        allConnected.tryComplete();
                    }
                }
                case "ack" -> {
                    if (phase == Phase.THROUGHPUT) {
                        write(i);
                    }
                }
                case "message" -> heard(message.getString("text"));
                case "error", "closed", "ended" -> errors.increment();
                default -> {
                }
            }
        }

        private void reply(int i, WebSocket ws) {
            ws.writeTextMessage(new JsonObject().put("type", "say").put("contactId", contactIds[i])
                    .put("text", stamp()).put("id", ids.incrementAndGet()).encode());
        }

        private void write(int i) {
            callers[i].writeTextMessage(new JsonObject().put("type", "say").put("text", stamp())
                    .put("id", ids.incrementAndGet()).encode());
        }

        private static String stamp() {
            return "t" + System.nanoTime() + PADDING;
        }

        private void heard(String text) {
            long sent = Long.parseLong(text.substring(1, text.indexOf(' ')));
            long latency = System.nanoTime() - sent;
            delivered.increment();
            if (measuring) {
                synchronized (samples) {
                    samples.add(latency);
                }
            }
        }

        long[] latencyRun() throws InterruptedException {
            phase = Phase.LATENCY;
            for (int i = 0; i < size.chats(); i++) {
                int chat = i;
                vertx.setTimer(1 + ThreadLocalRandom.current().nextLong(WRITE_EVERY_MS), first -> {
                    write(chat);
                    vertx.setPeriodic(WRITE_EVERY_MS, every -> {
                        if (phase == Phase.LATENCY) {
                            write(chat);
                        } else {
                            vertx.cancelTimer(every);
                        }
                    });
                });
            }
            Thread.sleep(size.warmUpMs());
            measuring = true;
            Thread.sleep(size.runMs());
            measuring = false;
            phase = Phase.IDLE;
            Thread.sleep(WRITE_EVERY_MS * 2);
            synchronized (samples) {
                long[] latencies = samples.stream().mapToLong(Long::longValue).toArray();
                samples.clear();
                return latencies;
            }
        }

        double throughputRun() throws InterruptedException {
            phase = Phase.THROUGHPUT;
            for (int i = 0; i < size.chats(); i++) {
                write(i);
            }
            Thread.sleep(size.warmUpMs());
            long from = delivered.sum();
            long startedAt = System.nanoTime();
            Thread.sleep(size.runMs());
            double perSecond = (delivered.sum() - from) / ((System.nanoTime() - startedAt) / 1e9);
            phase = Phase.IDLE;
            Thread.sleep(1_000);
            return perSecond;
        }
    }
}
