package org.helpline.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpline.testing.RedisServer;
import org.helpline.testing.HelplineProcess;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.AccountFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * How long the helpline is without an active server when the active one is killed (kill -9): from the kill
 * to the standby answering /ready 200, over {@code -Drounds=N} kills (20 by default). Two server processes
 * with the shipped lease settings (leaseTtl 2 s, renewEvery 500 ms) share a real Redis; after each kill the
 * dead one is started again and warms up as the standby for the next round. Prints p50, p99 and max with the
 * machine and its load, and where the time went: waiting for the lease (the kill until the standby won it) and
 * each phase the new active server logged ({@code takeover.phase}), and writes it to target/takeover-benchmark.txt.
 */
class TakeoverBenchmark {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(120);

    private static final Pattern PHASE = Pattern.compile("takeover\\.phase phase=(\\w+) ms=(\\d+)");
    private static final Pattern ACTIVE = Pattern.compile("leadership\\.active term=\\S+ takeoverMs=(\\d+)");
    /** The kill until the standby won the lease: what is left of the dead server's lease, plus the standby's next ask. */
    static final String LEASE = "lease";

    /** One takeover: the whole time from the kill, and its phases (lease first, then as the server logged them). */
    record Takeover(long millis, Map<String, Long> phases, boolean warm) {
    }

    @TempDir
    Path dir;

    @Test
    void killTheActiveServerRepeatedly() throws IOException {
        String load = Machine.load();
        List<Takeover> takeovers = measure(dir, REDIS, Integer.getInteger("rounds", 20));
        Benchmarks.report("takeover-benchmark.txt", table(takeovers) + """
                machine: %s
                load before: %s; after: %s
                """.formatted(Machine.describe(), load, Machine.load()));
    }

    /** The total's p50 / p99 / max, then each phase's. */
    static String table(List<Takeover> takeovers) {
        StringBuilder table = new StringBuilder("Takeover after kill -9 of the active server (%d rounds), until the standby answers /ready 200\n"
                .formatted(takeovers.size()));
        table.append("%-16s %8s %8s %8s%n".formatted("ms", "p50", "p99", "max"));
        table.append(row("total", takeovers.stream().map(Takeover::millis).toList()));
        takeovers.getFirst().phases().keySet().forEach(phase -> table.append(row(phase,
                takeovers.stream().map(t -> t.phases().getOrDefault(phase, 0L)).toList())));
        table.append("each total: ").append(takeovers.stream().map(Takeover::millis).toList()).append('\n');
        table.append("standby warm at the kill: %d of %d%n".formatted(takeovers.stream().filter(Takeover::warm).count(),
                takeovers.size()));
        return table.toString();
    }

    private static String row(String name, List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return "%-16s %8d %8d %8d%n".formatted(name, percentile(sorted, 50), percentile(sorted, 99), sorted.getLast());
    }

    /** Kills the active server {@code rounds} times; answers each takeover. */
    static List<Takeover> measure(Path dir, RedisServer redis, int rounds) {
        new AccountFile(dir.resolve("accounts.json")).add(TestServer.supervisor("sofia"));
        List<HelplineProcess> running = new ArrayList<>();
        try {
            HelplineProcess first = launch(dir, redis, "server-0", running);
            until(first, first::ready, "becomes active");
            HelplineProcess second = launch(dir, redis, "server-1", running);
            until(second, () -> "standby".equals(second.role()), "stands by");
            HelplineProcess active = first;
            HelplineProcess standby = second;
            List<Takeover> takeovers = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                active.kill();
                long killed = System.nanoTime();
                HelplineProcess next = standby;
                until(next, next::ready, "takes over");
                takeovers.add(takeover((System.nanoTime() - killed) / 1_000_000, next));
                active = next;
                HelplineProcess fresh = launch(dir, redis, "server-" + (round + 1), running);
                until(fresh, () -> "standby".equals(fresh.role()), "stands by");
                standby = fresh;
            }
            return takeovers;
        } finally {
            running.forEach(HelplineProcess::close);
        }
    }

    /** The phases from the log of a server that has taken over once (each server of the benchmark takes over once). */
    private static Takeover takeover(long millis, HelplineProcess server) {
        // the line follows the role's change that /ready answers by, a moment later
        until(server, () -> ACTIVE.matcher(server.output()).find(), "logs how long its takeover took");
        String log = server.output();
        Matcher active = ACTIVE.matcher(log);
        active.find();
        Map<String, Long> phases = new LinkedHashMap<>();
        phases.put(LEASE, millis - Long.parseLong(active.group(1)));
        Matcher phase = PHASE.matcher(log);
        while (phase.find()) {
            phases.put(phase.group(1).replaceFirst("_(warm|cold)$", ""), Long.parseLong(phase.group(2)));
        }
        return new Takeover(millis, phases, log.contains("phase=vertx_warm"));
    }

    private static HelplineProcess launch(Path dir, RedisServer redis, String name, List<HelplineProcess> running) {
        HelplineProcess server = HelplineProcess.start(dir, name, TestServer.freePort(), """
                auth: { accountsFile: "accounts.json", hashIterations: 1000 }
                telephony: { enabled: false }
                store:
                  type: redis
                  redis: { url: "%s", password: "%s", keyPrefix: "%s", leadership: { enabled: true, server: "%s" } }
                """.formatted(redis.url(), redis.password(), redis.keyPrefix(), name));
        running.add(server);
        return server;
    }

    private static void until(HelplineProcess server, java.util.function.BooleanSupplier condition, String what) {
        server.await(condition, what, PROCESS_WAIT);
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
    }
}
