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
import java.util.function.BooleanSupplier;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.AccountFile;

/**
 * The server as its own operating-system process ({@code java org.helpline.Main --config FILE}, the tests'
 * class path), for what only a real process shows: kill -9, SIGSTOP and SIGCONT, SIGTERM. Its output goes to
 * {@code {dir}/{name}.log} (appended: a restart in the same folder keeps the first run's output). Nothing of its
 * memory survives a kill, only what its store kept. {@link #start} does not wait for readiness (a standby never
 * is ready); {@link #ready} starts a lone server with the tests' defaults and waits until it serves.
 * Blocking: call from the test thread.
 */
public final class HelplineProcess implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;
    private Vertx vertx;
    private WebSocketClient sockets;

    private HelplineProcess(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /**
     * A lone server ("server") with the tests' defaults ({@link #launch}); waits until {@code /ready} answers 200.
     *
     * @param extraYaml configuration added to the defaults (e.g. a Redis store)
     * @param accounts  written to the account file if it does not exist yet (use {@link TestServer#operator})
     */
    public static HelplineProcess ready(Path dir, String extraYaml, List<Account> accounts) {
        Path accountFile = dir.resolve("accounts.json");
        if (!Files.exists(accountFile)) {
            AccountFile file = new AccountFile(accountFile);
            accounts.forEach(file::add);
        }
        HelplineProcess server = launch(dir, "server", extraYaml);
        try {
            Eventually.until(() -> !server.alive() || server.ready(), "the server process answers /ready", READY_WITHIN);
        } catch (AssertionError e) {
            server.close();
            throw new IllegalStateException("the server process did not get ready within " + READY_WITHIN + ":\n" + server.output(), e);
        }
        if (!server.alive()) {
            throw new IllegalStateException("the server process ended before it was ready:\n" + server.output());
        }
        return server;
    }

    /**
     * A server with the tests' defaults, on a free port, without waiting for it (a standby never is ready):
     * open every hour of the week, no telephony, fast routing ticks, the accounts of {@code dir/accounts.json}.
     *
     * @param extraYaml configuration added to the defaults (e.g. a Redis store); it may not repeat their keys
     */
    public static HelplineProcess launch(Path dir, String name, String extraYaml) {
        return launch(dir, name, "", extraYaml);
    }

    /** As above, with {@code routingSettings} added inside {@code routing: { ... }}, e.g. {@code ", chatCapacity: 1"}. */
    public static HelplineProcess launch(Path dir, String name, String routingSettings, String extraYaml) {
        return start(dir, name, TestServer.freePort(), """
                auth: { accountsFile: "%s", hashIterations: 1000 }
                telephony:
                  enabled: false
                  openingHours:
                    zone: UTC
                    weekly: { monday: "00:00-24:00", tuesday: "00:00-24:00", wednesday: "00:00-24:00",
                              thursday: "00:00-24:00", friday: "00:00-24:00", saturday: "00:00-24:00",
                              sunday: "00:00-24:00" }
                routing: { tickInterval: 20ms, disconnectGrace: 300ms%s }
                %s
                """.formatted(dir.resolve("accounts.json"), routingSettings, extraYaml));
    }

    /**
     * @param yaml the whole configuration but {@code http}, which is set to {@code httpPort}; relative paths
     *             are resolved against {@code dir}, the process's working folder
     */
    public static HelplineProcess start(Path dir, String name, int httpPort, String yaml) {
        return start(dir, name, httpPort, "http://localhost:" + httpPort, yaml);
    }

    /** @param publicUrl the address browsers use, when it is not the server's own (a load balancer in front) */
    public static HelplineProcess start(Path dir, String name, int httpPort, String publicUrl, String yaml) {
        try {
            Path config = dir.resolve(name + ".yaml");
            Files.writeString(config, """
                    http: { port: %d, publicUrl: "%s", metricsToken: "${HELPLINE_METRICS_TOKEN}" }
                    guidance: { directory: "%s" }
                    %s
                    """.formatted(httpPort, publicUrl, Path.of("config", "guidance").toAbsolutePath(), yaml));
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = dir.resolve(name + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", classPath,
                    "org.helpline.Main", "--config", config.toString()))
                    .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("HELPLINE_AUDIT_LOG", dir.resolve(name + "-audit.log").toString());
            builder.environment().put("HELPLINE_METRICS_TOKEN", TestServer.METRICS_TOKEN);
            return new HelplineProcess(name, httpPort, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int httpPort() {
        return httpPort;
    }

    /** Logs in and returns the session cookie ("helpline_session=..."). */
    public String login(String account) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + "/api/login"))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("Origin", "http://localhost:" + httpPort)
                    .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("name", account)
                            .put("password", TestServer.PASSWORD).encode())).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("login of " + account + " failed: " + response.statusCode() + " " + response.body());
            }
            String cookie = response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("helpline_session=")).findFirst().orElseThrow();
            return cookie.substring(0, cookie.indexOf(';'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The operator's console, logged in (its first message is "welcome"). */
    public SocketProbe console(String account) {
        return SocketProbe.connect(sockets(), options("/operator/ws").addHeader("Cookie", login(account)));
    }

    /** The supervisor view, logged in (its first message is "snapshot"). */
    public SocketProbe supervisor(String account) {
        return SocketProbe.connect(sockets(), options("/supervisor/ws").addHeader("Cookie", login(account)));
    }

    /** A caller's chat page. */
    public SocketProbe caller() {
        return SocketProbe.connect(sockets(), options("/chat/ws"));
    }

    /**
     * The caller on this socket starts a chat (Romanian, abroad and in trouble) and gets its resume token: "started"
     * comes once the store has the chat in the queue, so the next one queues behind it.
     */
    public static String startChat(SocketProbe caller) {
        caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble").put("danger", false));
        JsonObject answer = caller.next(m -> "started".equals(m.getString("type")) || "error".equals(m.getString("type"))
                || "closed".equals(m.getString("type")), "the chat's start");
        if (!"started".equals(answer.getString("type"))) {
            throw new AssertionError("the chat did not start: " + answer.encode());
        }
        return answer.getString("token");
    }

    /** The ids of the contacts the supervisor view lists as waiting, in the order they will be offered. */
    public List<String> waiting(String supervisor) {
        SocketProbe view = supervisor(supervisor);
        JsonArray contacts = view.next("snapshot").getJsonArray("contacts");
        view.close();
        return contacts.stream().map(JsonObject.class::cast).filter(c -> "queued".equals(c.getString("state")))
                .map(c -> c.getString("id")).toList();
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

    /** {@code /health} as the monitoring system reads it (with the metrics token): each dependency, why it is down. */
    public JsonObject detailedHealth() {
        HttpResponse<String> response = get("/health", "Authorization", "Bearer " + TestServer.METRICS_TOKEN);
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

    /** Waits until {@code condition} holds; on failure the message carries this process's output. */
    public void await(BooleanSupplier condition, String what, Duration within) {
        try {
            Eventually.until(condition, name + " " + what, within);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its output:\n" + output(), e);
        }
    }

    /** {@code GET path} with these headers (name, value, ...), or null when nothing answers. */
    public HttpResponse<String> get(String path, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                    .timeout(Duration.ofSeconds(2)).GET();
            return HTTP.send(headers.length == 0 ? request.build() : request.headers(headers).build(),
                    HttpResponse.BodyHandlers.ofString());
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
        if (process.isAlive()) {
            throw new AssertionError(name + " did not die");
        }
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
        if (vertx != null) {
            vertx.close().await();
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private WebSocketClient sockets() {
        if (sockets == null) {
            vertx = Vertx.vertx();
            sockets = vertx.createWebSocketClient(new io.vertx.core.http.WebSocketClientOptions().setMaxConnections(500));
        }
        return sockets;
    }

    private WebSocketConnectOptions options(String path) {
        return new WebSocketConnectOptions().setHost("localhost").setPort(httpPort).setURI(path)
                .addHeader("Origin", "http://localhost:" + httpPort);
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
