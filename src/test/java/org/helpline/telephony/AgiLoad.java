package org.helpline.telephony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import io.vertx.core.Vertx;
import org.helpline.core.Presence;
import org.helpline.testing.FakeClock;

/**
 * FastAGI sessions played from Asterisk's side, many at once, for the benchmarks: each connects, sends a real
 * {@code agi_} environment, answers every command as Asterisk does when it succeeds ({@code 200 result=0} for
 * {@code EXEC}, whose result is the application's, {@code 200 result=1} otherwise) and ends when the server hangs up.
 */
final class AgiLoad {
    /** A Monday at 11:00 in Bucharest: within the default opening hours. */
    private static final Instant OPEN = Instant.parse("2026-11-23T09:00:00Z");

    private AgiLoad() {
    }

    /** What the server does in {@code work} is done by a fresh helpline telephony room, the line open and every caller waiting. */
    static <T> T onHelpline(AgiWork<T> work) throws Exception {
        Vertx vertx = Vertx.vertx();
        try (TelephonyRoom room = TelephonyRoom.startUnrecorded(vertx, new FakeClock(OPEN)).ready()) {
            room.signIn("ana", Presence.PAUSED, "2001", "ro", "en");
            return work.on(room.agiPort);
        } finally {
            vertx.close().await();
        }
    }

    /** Work against a FastAGI server listening on a port. */
    interface AgiWork<T> {
        T on(int agiPort) throws Exception;
    }

    /** The {@code agi_} environment of one session, as bytes on the wire. */
    static byte[] environment(int port, String script, String channel, String... args) {
        return (String.join("\n", AgiCall.environment(port, script, channel, args)) + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sessions} sessions from {@code clients} clients at once, session n with environment n; returns each one's time. */
    static long[] run(int port, int sessions, int clients, IntFunction<byte[]> environment) throws Exception {
        long[] latencies = new long[sessions];
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<Void>> running = new ArrayList<>();
            Callable<Void> client = () -> {
                for (int n = next.getAndIncrement(); n < sessions; n = next.getAndIncrement()) {
                    latencies[n] = session(port, environment.apply(n));
                }
                return null;
            };
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(client));
            }
            for (Future<Void> done : running) {
                done.get();
            }
        }
        return latencies;
    }

    /** One session, from connecting until the server hangs up; returns how long it took. */
    private static long session(int port, byte[] environment) throws IOException {
        long started = System.nanoTime();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            out.write(environment);
            out.flush();
            for (String command; (command = in.readLine()) != null; ) {
                out.write((command.startsWith("EXEC ") ? "200 result=0\n" : "200 result=1\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        }
        return System.nanoTime() - started;
    }
}
