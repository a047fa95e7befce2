package org.helpline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * dead one is started again and stands by for the next round. Prints p50, p99 and max with the machine, and
 * writes them to target/takeover-benchmark.txt.
 */
class TakeoverBenchmark {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();
    private static final Duration PROCESS_WAIT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    @Test
    void killTheActiveServerRepeatedly() throws IOException {
        List<Long> millis = measure(dir, REDIS, Integer.getInteger("rounds", 20));
        List<Long> sorted = millis.stream().sorted().toList();
        String report = """
                Takeover after kill -9 of the active server (%d rounds), until the standby answers /ready 200
                p50 %d ms   p99 %d ms   max %d ms   (each: %s)
                machine: %s
                """.formatted(sorted.size(), percentile(sorted, 50), percentile(sorted, 99), sorted.getLast(), millis,
                Machine.describe());
        System.out.print(report);
        Files.writeString(Path.of("target", "takeover-benchmark.txt"), report);
    }

    /** Kills the active server {@code rounds} times; answers each takeover's time in milliseconds. */
    static List<Long> measure(Path dir, RedisServer redis, int rounds) {
        new AccountFile(dir.resolve("accounts.json")).add(TestServer.supervisor("sofia"));
        List<HelplineProcess> running = new ArrayList<>();
        try {
            HelplineProcess first = launch(dir, redis, "server-0", running);
            until(first, first::ready, "becomes active");
            HelplineProcess second = launch(dir, redis, "server-1", running);
            until(second, () -> "standby".equals(second.role()), "stands by");
            HelplineProcess active = first;
            HelplineProcess standby = second;
            List<Long> millis = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                active.kill();
                long killed = System.nanoTime();
                HelplineProcess next = standby;
                until(next, next::ready, "takes over");
                millis.add((System.nanoTime() - killed) / 1_000_000);
                active = next;
                HelplineProcess fresh = launch(dir, redis, "server-" + (round + 1), running);
                until(fresh, () -> "standby".equals(fresh.role()), "stands by");
                standby = fresh;
            }
            return millis;
        } finally {
            running.forEach(HelplineProcess::close);
        }
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
