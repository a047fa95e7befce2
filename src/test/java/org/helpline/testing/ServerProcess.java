package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.helpline.Main;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.AccountFile;

/**
 * The server as its own operating-system process ({@code java ... org.helpline.Main --config FILE}, from the
 * test class path), for tests that must kill it as a crash would ({@code kill -9}): nothing of its memory
 * survives, only what its store kept. It runs on the real clock, open every hour of the week. Its log goes
 * to {@code server.log} in the given folder.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private final Process process;
    private final int port;
    private final Vertx vertx = Vertx.vertx();
    private final WebClient web;
    private final WebSocketClient sockets;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
        this.web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
        this.sockets = vertx.createWebSocketClient();
    }

    /**
     * @param dir       holds the configuration, the account file and the log
     * @param extraYaml configuration added to the test defaults (e.g. a Redis store)
     * @param accounts  written to the account file before the first start (use {@link TestServer#operator})
     */
    public static ServerProcess start(Path dir, String extraYaml, List<Account> accounts) {
        Path accountFile = dir.resolve("accounts.json");
        if (!Files.exists(accountFile)) {
            AccountFile file = new AccountFile(accountFile);
            accounts.forEach(file::add);
        }
        int port = TestServer.freePort();
        String yaml = """
                http: { port: %d, publicUrl: "http://localhost:%d" }
                auth: { accountsFile: "%s", hashIterations: 1000 }
                telephony:
                  enabled: false
                  openingHours:
                    zone: UTC
                    weekly: { monday: "00:00-24:00", tuesday: "00:00-24:00", wednesday: "00:00-24:00",
                              thursday: "00:00-24:00", friday: "00:00-24:00", saturday: "00:00-24:00",
                              sunday: "00:00-24:00" }
                routing: { tickInterval: 20ms, disconnectGrace: 300ms }
                guidance: { directory: "%s" }
                %s
                """.formatted(port, port, accountFile, Path.of("config", "guidance").toAbsolutePath(), extraYaml);
        try {
            Path config = Files.writeString(dir.resolve("helpline-" + port + ".yaml"), yaml);
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--config", config.toString())
                    .directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
            ServerProcess server = new ServerProcess(process, port);
            server.awaitReady(dir.resolve("server.log"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Logs in and returns the session cookie ("helpline_session=..."). */
    public String login(String name) {
        HttpResponse<Buffer> response = web.post("/api/login").putHeader("Origin", "http://localhost:" + port)
                .sendJsonObject(new JsonObject().put("name", name).put("password", TestServer.PASSWORD)).await();
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + name + " failed: " + response.statusCode() + " " + response.bodyAsString());
        }
        return response.cookies().stream().filter(c -> c.startsWith("helpline_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    public SocketProbe console(String name) {
        return SocketProbe.connect(sockets, options("/operator/ws").addHeader("Cookie", login(name)));
    }

    public SocketProbe caller() {
        return SocketProbe.connect(sockets, options("/chat/ws"));
    }

    private WebSocketConnectOptions options(String path) {
        return new WebSocketConnectOptions().setHost("localhost").setPort(port).setURI(path)
                .addHeader("Origin", "http://localhost:" + port);
    }

    /** SIGKILL: the process gets no chance to write anything more. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("the server process did not die");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
        vertx.close().await();
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (web.get("/ready").send().await().statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) { // await() rethrows the connection's own exception, checked or not
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        close();
        String tail;
        try {
            List<String> lines = Files.readAllLines(log);
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            tail = "(no log)";
        }
        throw new IllegalStateException("the server process did not get ready within " + READY_WITHIN + ":\n" + tail);
    }
}
