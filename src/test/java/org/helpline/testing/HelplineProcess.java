package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.json.JsonObject;

/**
 * The server as its own operating-system process ({@code java org.helpline.Main --config FILE}, the tests'
 * class path), for what only a real process shows: kill -9, SIGSTOP and SIGCONT, SIGTERM. Its output goes to
 * {@code {dir}/{name}.log}. Unlike {@link ServerProcess} it does not wait for readiness (a standby never is
 * ready), takes the whole configuration, and sends SIGSTOP, SIGCONT and SIGTERM too: for the two-server tests.
 * Blocking: call from the test thread.
 */
public final class HelplineProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final Path log;
    private Process process;

    private HelplineProcess(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /**
     * @param yaml the whole configuration but {@code http}, which is set to {@code httpPort}; relative paths
     *             are resolved against {@code dir}, the process's working folder
     */
    public static HelplineProcess start(Path dir, String name, int httpPort, String yaml) {
        try {
            Path config = dir.resolve(name + ".yaml");
            Files.writeString(config, """
                    http: { port: %d, publicUrl: "http://localhost:%d" }
                    guidance: { directory: "%s" }
                    %s
                    """.formatted(httpPort, httpPort, Path.of("config", "guidance").toAbsolutePath(), yaml));
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath,
                    "org.helpline.Main", "--config", config.toString()))
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("HELPLINE_AUDIT_LOG", dir.resolve(name + "-audit.log").toString());
            return new HelplineProcess(name, httpPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    public long pid() {
        return process.pid();
    }

    /** The status code of {@code GET path}, or -1 when nothing answers. */
    public int status(String path) {
        HttpResponse<String> response = get(path);
        return response == null ? -1 : response.statusCode();
    }

    /** {@code /health}'s body, or null when nothing answers. */
    public JsonObject health() {
        HttpResponse<String> response = get("/health");
        return response == null ? null : new JsonObject(response.body());
    }

    /** The role {@code /health} reports ("active", "standby", ...), or "none" when nothing answers. */
    public String role() {
        JsonObject health = health();
        return health == null ? "none" : health.getString("role");
    }

    public boolean ready() {
        return status("/ready") == 200;
    }

    public HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** kill -9: the process dies at once, nothing is flushed or released. */
    public void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** SIGSTOP: the process freezes, its sockets stay open. */
    public void pause() {
        signal("STOP");
    }

    /** SIGCONT: the process runs on, unaware of the time it was frozen. */
    public void resume() {
        signal("CONT");
    }

    /** SIGTERM, as an operator's planned stop: waits for the process to end. */
    public void stop() {
        process.destroy();
        awaitExit();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The process's output so far (for failure messages and log checks). */
    public String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
            process.destroyForcibly();
            awaitExit();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void signal(String signal) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + name + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
