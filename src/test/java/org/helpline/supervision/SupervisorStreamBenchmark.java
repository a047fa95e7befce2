package org.helpline.supervision;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.bench.Machine;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The supervisor stream under load: 50 supervisors watch 1,000 waiting contacts while 100 contacts a second
 * leave and 100 arrive (the queue stays 1,000 deep), through the whole server on the real clock. Run it with
 * {@code ./mvnw -q test -Dtest=SupervisorStreamBenchmark}; it prints a table (also written to
 * {@code target/supervisor-stream-benchmark.txt}). The test suite runs it small in {@link SupervisorStreamBenchmarkSmokeTest}.
 *
 * <ul>
 *   <li>update latency: from the router's event of a new contact (heard on the event bus) to each supervisor
 *       receiving the update that carries it. Updates are coalesced to one a second, so this is spread over
 *       0 – 1 s by design; what the server adds shows in the spread between the first and the last supervisor
 *       receiving the same update.</li>
 *   <li>CPU: process CPU time over wall time while measuring, the 50 client sockets (same JVM) included.</li>
 * </ul>
 */
class SupervisorStreamBenchmark {
    static final Size FULL = new Size(50, 1_000, 100, 10_000, 30_000);

    /** How big a run is; {@code changesPerSecond} contacts leave and as many arrive, paced by a timer. */
    record Size(int supervisors, int waiting, int changesPerSecond, long warmUpMillis, long measureMillis) {
    }

    private final Queue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final Map<String, long[]> receiptsByUpdate = new ConcurrentHashMap<>();
    private final Map<String, Long> arrivedAt = new ConcurrentHashMap<>();
    private final AtomicLong updates = new AtomicLong();
    private final AtomicLong updateBytes = new AtomicLong();
    private final AtomicLong shortestGapMillis = new AtomicLong(Long.MAX_VALUE);
    private volatile boolean measuring;

    @Test
    void fiftySupervisorsWatchAThousandWaitingContacts(@TempDir Path dir) throws Exception {
        String table = run(dir, FULL);
        System.out.println(table);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "supervisor-stream-benchmark.txt"), table);
    }

    /** Runs the benchmark once; returns its table. */
    String run(Path dir, Size size) throws Exception {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < size.supervisors(); i++) {
            accounts.add(TestServer.supervisor("supervisor-" + i));
        }
        Vertx clients = Vertx.vertx();
        TestServer server = TestServer.start(dir, Clock.systemUTC(), "", accounts);
        try {
            server.vertx().eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> {
                if (m.body().reason() == ChangeReason.NEW && measuring) {
                    arrivedAt.put(m.body().contact().id(), System.nanoTime());
                }
            }).completion().await();
            Deque<String> waiting = new ArrayDeque<>();
            for (int i = 0; i < size.waiting(); i++) {
                waiting.add(arrive(server).await().id());
            }
            WebSocketClient sockets = clients.createWebSocketClient();
            int snapshotBytes = 0;
            for (int i = 0; i < size.supervisors(); i++) {
                snapshotBytes = connect(sockets, server.options("/supervisor/ws").addHeader("Cookie", server.login("supervisor-" + i)));
            }

            long churn = clients.setPeriodic(1000 / size.changesPerSecond(), id -> {
                String leaving;
                synchronized (waiting) {
                    leaving = waiting.removeFirst();
                }
                server.commands().contact(new Command.Leave(leaving));
                arrive(server).onSuccess(c -> {
                    synchronized (waiting) {
                        waiting.add(c.id());
                    }
                });
            });
            pause(size.warmUpMillis());
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long cpuStart = os.getProcessCpuTime();
            long wallStart = System.nanoTime();
            updates.set(0);
            updateBytes.set(0);
            measuring = true;
            pause(size.measureMillis());
            measuring = false;
            long cpu = os.getProcessCpuTime() - cpuStart;
            long wall = System.nanoTime() - wallStart;
            clients.cancelTimer(churn);

            return report(size, snapshotBytes, (double) cpu / wall, wall);
        } finally {
            closeClients(clients);
            server.close();
        }
    }

    /** The supervisors hang up; a close handshake left unanswered must not hold the benchmark. */
    private static void closeClients(Vertx clients) {
        try {
            clients.close().await(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            System.out.println("(the client sockets took over 10 s to close; left behind)");
        }
    }

    private static Future<Contact> arrive(TestServer server) {
        return server.commands().contact(new Command.Enqueue(new NewContact(Channel.CALL, "ro", "abroad", Priority.NORMAL, null)));
    }

    /** Opens one supervisor socket; returns the size of its snapshot. */
    private int connect(WebSocketClient sockets, WebSocketConnectOptions options) {
        Future<Integer> snapshot = sockets.connect(options).compose(ws -> {
            Promise<Integer> first = Promise.promise();
            long[] lastUpdate = {0};
            ws.textMessageHandler(text -> {
                long now = System.nanoTime();
                JsonObject message = new JsonObject(text);
                if ("snapshot".equals(message.getString("type"))) {
                    first.tryComplete(text.length());
                    return;
                }
                if (!measuring || !"update".equals(message.getString("type"))) {
                    return;
                }
                updates.incrementAndGet();
                updateBytes.addAndGet(text.length());
                if (lastUpdate[0] != 0) {
                    shortestGapMillis.accumulateAndGet(TimeUnit.NANOSECONDS.toMillis(now - lastUpdate[0]), Math::min);
                }
                lastUpdate[0] = now;
                receiptsByUpdate.merge(message.getString("serverTime"), new long[] {now, now},
                        (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                JsonArray contacts = message.getJsonArray("contacts", new JsonArray());
                for (int i = 0; i < contacts.size(); i++) {
                    Long t0 = arrivedAt.get(contacts.getJsonObject(i).getString("id"));
                    if (t0 != null) {
                        latencies.add(now - t0);
                    }
                }
            });
            return first.future();
        });
        return snapshot.await();
    }

    private String report(Size size, int snapshotBytes, double cores, long wallNanos) {
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] spreads = receiptsByUpdate.values().stream().mapToLong(r -> r[1] - r[0]).sorted().toArray();
        double seconds = wallNanos / 1e9;
        return """
                Supervisor stream benchmark — %s
                %d supervisors, %d contacts waiting, %d leave and %d arrive per second, %.0f s measured
                update latency (event → update received)  p50 %.0f ms   p99 %.0f ms   max %.0f ms   (%d samples)
                fan-out spread (first → last supervisor)   p50 %.1f ms   p99 %.1f ms
                updates per supervisor per second: %.2f (shortest gap between two updates: %d ms)
                update size: %.1f KB on average; snapshot: %.0f KB
                CPU: %.2f cores (%.0f %% of %d), clients included
                """.formatted(Machine.describe(), size.supervisors(), size.waiting(), size.changesPerSecond(),
                size.changesPerSecond(), seconds,
                millis(percentile(sorted, 50)), millis(percentile(sorted, 99)), millis(sorted.length == 0 ? 0 : sorted[sorted.length - 1]),
                sorted.length, millis(percentile(spreads, 50)), millis(percentile(spreads, 99)),
                updates.get() / (double) size.supervisors() / seconds, shortestGapMillis.get(),
                updateBytes.get() / 1024.0 / Math.max(1, updates.get()), snapshotBytes / 1024.0,
                cores, cores * 100 / Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors());
    }

    private static long percentile(long[] sorted, int p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** Lets the load run: a benchmark's pacing, not a wait for something to happen. */
    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }
}
