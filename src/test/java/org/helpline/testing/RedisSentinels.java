package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Redis as the two-server compose file runs it, as real processes on free ports of 127.0.0.1: a primary, one
 * replica, and three sentinels (two must agree) watching them under the name {@link #MASTER}. The sentinels
 * call a primary down after 1 s unanswered, so a failover takes a few seconds. Blocking: call from the test thread.
 */
public final class RedisSentinels implements AutoCloseable {
    public static final String MASTER = "helpline";
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private final int primaryPort = TestServer.freePort();
    private final int replicaPort = TestServer.freePort();
    private final List<Integer> sentinelPorts = List.of(TestServer.freePort(), TestServer.freePort(), TestServer.freePort());
    private Process primary;

    private RedisSentinels(Path dir) {
        this.dir = dir;
    }

    /** Starts them all and waits until the replica has caught up and every sentinel knows the others. */
    public static RedisSentinels start(Path dir) {
        RedisSentinels redis = new RedisSentinels(dir);
        try {
            redis.primary = redis.server("primary", redis.primaryPort);
            redis.server("replica", redis.replicaPort, "--replicaof", "127.0.0.1", String.valueOf(redis.primaryPort));
            Eventually.until(() -> redis.cli(redis.replicaPort, "INFO", "replication").contains("master_link_status:up"),
                    "the replica follows the primary", READY_WITHIN);
            for (int port : redis.sentinelPorts) {
                redis.sentinel(port);
            }
            for (int port : redis.sentinelPorts) {
                Eventually.until(() -> redis.cli(port, "SENTINEL", "MASTER", MASTER).contains("num-other-sentinels\n2\n")
                        && redis.cli(port, "SENTINEL", "MASTER", MASTER).contains("num-slaves\n1\n"),
                        "sentinel " + port + " knows the replica and the other two", READY_WITHIN);
            }
            return redis;
        } catch (RuntimeException | Error e) {
            redis.close();
            throw e;
        }
    }

    /** The sentinels as {@code store.redis.sentinel.nodes} lists them. */
    public String nodes() {
        return sentinelPorts.stream().map(port -> "redis://127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    public int primaryPort() {
        return primaryPort;
    }

    public int replicaPort() {
        return replicaPort;
    }

    /** kill -9 of the primary: it dies at once, and what no replica had yet is gone. */
    public void killPrimary() {
        primary.destroyForcibly();
        try {
            primary.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The port the sentinels name as the primary now (asks the first one that answers). */
    public int primaryNow() {
        for (int port : sentinelPorts) {
            List<String> reply = cli(port, "SENTINEL", "GET-MASTER-ADDR-BY-NAME", MASTER).lines().toList();
            if (reply.size() == 2) {
                return Integer.parseInt(reply.get(1).strip());
            }
        }
        return -1;
    }

    /** {@code redis-cli -p port args...}'s raw output, or "" when nothing answers. */
    public String cli(int port, String... args) {
        List<String> command = new ArrayList<>(List.of("redis-cli", "-h", "127.0.0.1", "-p", String.valueOf(port)));
        command.addAll(List.of(args));
        try {
            Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(cli.getInputStream().readAllBytes());
            return cli.waitFor(10, TimeUnit.SECONDS) && cli.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the Redis processes wrote, for failure messages. */
    public String output() {
        StringBuilder all = new StringBuilder();
        try (var logs = Files.list(dir)) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".redis.log")).sorted().toList()) {
                all.append("== ").append(log.getFileName()).append('\n').append(Files.readString(log));
            }
        } catch (IOException e) {
            all.append("(no logs: ").append(e.getMessage()).append(')');
        }
        return all.toString();
    }

    @Override
    public void close() {
        processes.forEach(Process::destroyForcibly);
        for (Process process : processes) {
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Process server(String name, int port, String... more) {
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", folder(name).toString()));
        command.addAll(List.of(more));
        Process process = launch(name, command);
        Eventually.until(() -> cli(port, "PING").strip().equals("PONG"), name + " answers", READY_WITHIN);
        return process;
    }

    private void sentinel(int port) {
        Path config = folder("sentinel-" + port).resolve("sentinel.conf");
        try {
            // sentinels rewrite their configuration file: each gets its own
            Files.writeString(config, """
                    port %d
                    bind 127.0.0.1
                    dir %s
                    sentinel monitor %s 127.0.0.1 %d 2
                    sentinel down-after-milliseconds %s 1000
                    sentinel failover-timeout %s 5000
                    sentinel parallel-syncs %s 1
                    """.formatted(port, config.getParent(), MASTER, primaryPort, MASTER, MASTER, MASTER));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        launch("sentinel-" + port, List.of("redis-server", config.toString(), "--sentinel"));
        Eventually.until(() -> cli(port, "PING").strip().equals("PONG"), "sentinel " + port + " answers", READY_WITHIN);
    }

    private Process launch(String name, List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(name + ".redis.log").toFile()).start();
            processes.add(process);
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path folder(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
