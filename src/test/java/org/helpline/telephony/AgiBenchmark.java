package org.helpline.telephony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.vertx.core.Vertx;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.helpline.core.Presence;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.Test;

/**
 * Inbound registrations through our FastAGI server (each one registers a CALL contact with the real
 * dispatch and sets the dialplan's two variables) against bare Asterisk-Java FastAGI servers running an
 * empty script, and a script that only sets the same two variables, with the same clients in the same run. Run it with
 * {@code ./mvnw -q test -Dtest=AgiBenchmark}; it prints a table and is not part of the test suite.
 *
 * <p>Each client plays Asterisk: connects, sends a real {@code agi_} environment, answers every
 * command {@code 200 result=1}, and counts the session from connecting until the server hangs up.
 */
class AgiBenchmark {
    private static final int CLIENTS = 16;
    private static final int WARM_UP = 5_000;
    private static final int SESSIONS = 20_000;
    /** A Monday at 11:00 in Bucharest: within the default opening hours. */
    private static final Instant OPEN = Instant.parse("2026-11-23T09:00:00Z");

    private record Result(String server, double perSecond, double p50Millis, double p99Millis) {
        @Override
        public String toString() {
            return "%-22s %9.0f   %8.3f ms   %8.3f ms".formatted(server, perSecond, p50Millis, p99Millis);
        }
    }

    @Test
    void inboundRegistrations() throws Exception {
        BareServer empty = BareServer.start((request, channel) -> { });
        // The two variables the dialplan contract needs, set with nothing behind them: the protocol's own cost.
        BareServer setting = BareServer.start((request, channel) -> {
            channel.setVariable("HELPLINE_CONTACT", "00000000-0000-0000-0000-000000000000");
            channel.setVariable("HELPLINE_ACTION", "hold");
        });
        Vertx vertx = Vertx.vertx();
        try (TelephonyRoom room = TelephonyRoom.start(vertx, new FakeClock(OPEN), "").ready()) {
            room.signIn("ana", Presence.PAUSED, "2001", "ro");
            List<Result> results = new ArrayList<>();
            for (int round = 1; round <= 2; round++) {
                results.add(measure("bare, empty script", empty.port()));
                results.add(measure("bare, 2 SET VARIABLE", setting.port()));
                results.add(measure("helpline inbound", room.agiPort));
            }
            String table = """
                    FastAGI benchmark — %s, %d clients
                    server                 sessions/s   p50          p99
                    %s
                    helpline / bare empty script (best rounds): %.2f
                    helpline / bare setting the same 2 variables (best rounds): %.2f
                    """.formatted(org.helpline.bench.Machine.describe(), CLIENTS,
                    String.join("\n", results.stream().map(Result::toString).toList()),
                    best(results, "helpline") / best(results, "bare, empty"),
                    best(results, "helpline") / best(results, "bare, 2 SET"));
            System.out.println(table);
            Files.writeString(Path.of("target", "agi-benchmark.txt"), table);
        } finally {
            empty.stop();
            setting.stop();
            vertx.close().await();
        }
    }

    /** A plain Asterisk-Java FastAGI server running one script, on its own thread and a free port. */
    private record BareServer(DefaultAgiServer server, Thread thread, int port) {
        static BareServer start(AgiScript script) throws InterruptedException {
            int port = TelephonyRoom.freePort();
            DefaultAgiServer server = new DefaultAgiServer();
            server.setPort(port);
            SimpleMappingStrategy mapping = new SimpleMappingStrategy();
            mapping.setMappings(Map.of("inbound", script));
            server.setMappingStrategy(mapping);
            Thread thread = Thread.ofPlatform().daemon().start(() -> {
                try {
                    server.startup();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitListening(port);
            return new BareServer(server, thread, port);
        }

        void stop() throws InterruptedException {
            server.shutdown();
            thread.join(5_000);
        }
    }

    private static double best(List<Result> results, String server) {
        return results.stream().filter(r -> r.server().startsWith(server)).mapToDouble(Result::perSecond).max().orElseThrow();
    }

    private static Result measure(String name, int port) throws Exception {
        run(port, WARM_UP);
        long started = System.nanoTime();
        long[] latencies = run(port, SESSIONS);
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        return new Result(name, SESSIONS / seconds, latencies[SESSIONS / 2] / 1e6,
                latencies[(int) Math.ceil(SESSIONS * 0.99) - 1] / 1e6);
    }

    private static long[] run(int port, int sessions) throws Exception {
        long[] latencies = new long[sessions];
        AtomicInteger next = new AtomicInteger();
        byte[] environment = (String.join("\n", AgiCall.environment(port, "inbound", TelephonyRoom.CALLER, "ro", "normal"))
                + "\n\n").getBytes(StandardCharsets.UTF_8);
        try (ExecutorService clients = Executors.newFixedThreadPool(CLIENTS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    for (int n = next.getAndIncrement(); n < sessions; n = next.getAndIncrement()) {
                        latencies[n] = session(port, environment);
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        }
        return latencies;
    }

    /** One call as Asterisk makes it; returns how long it took. */
    private static long session(int port, byte[] environment) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out.write(environment);
            out.flush();
            while (in.readLine() != null) {
                out.write("200 result=1\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
        return System.nanoTime() - started;
    }

    private static void awaitListening(int port) throws InterruptedException {
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < giveUp) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the bare AGI server did not start");
    }
}
