package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.core.buffer.Buffer;
import org.helpline.HelplineServer;
import org.helpline.bus.CommandSender;
import org.helpline.config.ConfigLoader;
import org.helpline.config.HelplineConfig;
import org.helpline.core.Addresses;
import org.helpline.core.Channel;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.Operator;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.AccountFile;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;

/**
 * The whole server, in process, on free ports, with its own Vert.x: tests talk to it over real HTTP
 * and WebSocket connections, and send channel commands on its event bus. Blocking methods: call them
 * from the test thread, never from an event loop.
 */
public final class TestServer implements AutoCloseable {
    public static final String PASSWORD = "a-long-test-password";
    /** {@code http.metricsToken} of every test server, as a monitoring system sends it (see {@link #monitor}). */
    public static final String METRICS_TOKEN = "test-metrics-token-with-more-than-32-characters";
    private static final PasswordHash CHEAP_HASH = new PasswordHash(1000);

    private final Vertx vertx;
    private final HelplineServer server;
    private final WebClient web;
    private final WebSocketClient sockets;

    private TestServer(Vertx vertx, HelplineServer server) {
        this.vertx = vertx;
        this.server = server;
        this.web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(server.httpPort()));
        this.sockets = vertx.createWebSocketClient();
    }

    /**
     * @param dir        holds the account file
     * @param extraYaml  configuration added to the test defaults (e.g. a Redis store)
     */
    public static TestServer start(Path dir, Clock clock, String extraYaml, List<Account> accounts) {
        return start(dir, clock, "telephony: { enabled: false }", "", extraYaml, accounts);
    }

    /**
     * With telephony on: FastAGI on a free port of 127.0.0.1 ({@link #agiPort()}), AMI at {@code amiPort}
     * (user helpline, {@code amiPassword}); {@code telephonySettings} adds lines under {@code telephony:}
     * (indented 2), e.g. opening hours; {@code routingSettings} are added inside {@code routing: { ... }},
     * e.g. {@code ", wrapUpTime: 1s"}.
     */
    public static TestServer withTelephony(Path dir, Clock clock, int agiPort, int amiPort, String amiPassword,
                                           String telephonySettings, String routingSettings, List<Account> accounts) {
        return withTelephony(dir, clock, agiPort, amiPort, amiPassword, telephonySettings, routingSettings, "", accounts);
    }

    /** As above, with {@code extraYaml} added to the configuration (e.g. a Redis store). */
    public static TestServer withTelephony(Path dir, Clock clock, int agiPort, int amiPort, String amiPassword,
                                           String telephonySettings, String routingSettings, String extraYaml,
                                           List<Account> accounts) {
        String telephony = """
                telephony:
                  agi: { port: %d }
                  ami: { port: %d, password: %s, retryMin: 100ms, retryMax: 500ms }
                %s""".formatted(agiPort, amiPort, amiPassword, telephonySettings);
        return start(dir, clock, telephony, routingSettings, extraYaml, accounts);
    }

    private static TestServer start(Path dir, Clock clock, String telephony, String routing, String extraYaml,
                                    List<Account> accounts) {
        AccountFile file = new AccountFile(dir.resolve("accounts.json"));
        accounts.forEach(file::add);
        int port = freePort();
        String yaml = """
                http: { port: %d, publicUrl: "http://localhost:%d", metricsToken: "${HELPLINE_METRICS_TOKEN}" }
                auth: { accountsFile: "%s", hashIterations: 1000 }
                %s
                routing: { tickInterval: 20ms, disconnectGrace: 300ms%s }
                %s
                """.formatted(port, port, dir.resolve("accounts.json"), telephony, routing, extraYaml);
        HelplineConfig config = new ConfigLoader(name -> "HELPLINE_METRICS_TOKEN".equals(name) ? METRICS_TOKEN : null).parse(yaml, "test");
        Vertx vertx = Vertx.vertx();
        try {
            return new TestServer(vertx, HelplineServer.start(vertx, config, clock).await());
        } catch (RuntimeException e) {
            vertx.close().await();
            throw e;
        }
    }

    public static Account operator(String name, String... languages) {
        return new Account(name, Role.OPERATOR, CHEAP_HASH.hash(PASSWORD), Set.of(languages), Set.of(Channel.CHAT),
                null, null, null, false);
    }

    /** An operator taking calls on the phone {@code endpoint}. */
    public static Account callOperator(String name, String endpoint, String... languages) {
        return new Account(name, Role.OPERATOR, CHEAP_HASH.hash(PASSWORD), Set.of(languages), Set.of(Channel.CALL),
                null, endpoint, null, false);
    }

    /**
     * A supervisor who reads the staff pages in English, their account's choice: the language the older page tests
     * check. An account that has not chosen reads Romanian (see SupervisorLanguagePageTest).
     */
    public static Account supervisor(String name) {
        return new Account(name, Role.SUPERVISOR, CHEAP_HASH.hash(PASSWORD), Set.of(), Set.of(), null, null, null, false)
                .withConsoleLanguage("en");
    }

    /** A wall screen's account: watches the supervisor view's stream, can do nothing else. */
    public static Account wallboard(String name) {
        return new Account(name, Role.WALLBOARD, CHEAP_HASH.hash(PASSWORD), Set.of(), Set.of(), null, null, null, false);
    }

    public int port() {
        return server.httpPort();
    }

    /** Logs in and returns the session cookie ("helpline_session=..."). */
    public String login(String name) {
        HttpResponse<Buffer> response = web.post("/api/login")
                .sendJsonObject(new JsonObject().put("name", name).put("password", PASSWORD)).await();
        if (response.statusCode() != 200) {
            throw new AssertionError("login of " + name + " failed: " + response.statusCode() + " " + response.bodyAsString());
        }
        return response.cookies().stream().filter(c -> c.startsWith("helpline_session="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** Opens an operator's console socket after logging them in. */
    public SocketProbe console(String name) {
        return SocketProbe.connect(sockets, options("/operator/ws").addHeader("Cookie", login(name)));
    }

    public WebSocketConnectOptions options(String path) {
        return new WebSocketConnectOptions().setHost("localhost").setPort(port()).setURI(path);
    }

    public WebSocketClient sockets() {
        return sockets;
    }

    public HttpResponse<Buffer> get(String path) {
        return web.get(path).send().await();
    }

    /** {@code GET path} as the monitoring system asks it: with the metrics token ({@code /metrics}, {@code /health}'s details). */
    public HttpResponse<Buffer> monitor(String path) {
        return web.get(path).putHeader("Authorization", "Bearer " + METRICS_TOKEN).send().await();
    }

    public HttpResponse<Buffer> post(String path, JsonObject body) {
        return web.post(path).putHeader("Origin", "http://localhost:" + port()).sendJsonObject(body).await();
    }

    public CommandSender commands() {
        return new CommandSender(vertx);
    }

    /** The server's own Vert.x, for tests and benchmarks that listen on its event bus. */
    public Vertx vertx() {
        return vertx;
    }

    /** Waits for the operator event that satisfies {@code wanted} and returns it. */
    public Operator awaitOperator(Predicate<Operator> wanted) {
        Promise<Operator> seen = Promise.promise();
        MessageConsumer<OperatorChanged> consumer = vertx.eventBus().consumer(Addresses.OPERATOR_EVENTS, m -> {
            if (wanted.test(m.body().operator())) {
                seen.tryComplete(m.body().operator());
            }
        });
        try {
            return seen.future().await(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no such operator event within 5s");
        } finally {
            consumer.unregister();
        }
    }

    public HelplineServer server() {
        return server;
    }

    /** Stops as an operator would: pending writes recorded, connections closed. */
    public void stop() {
        server.stop().await();
        vertx.close().await();
    }

    /** Dies without stopping anything: only what the store already acknowledged survives. */
    public void crash() {
        vertx.close().await();
    }

    @Override
    public void close() {
        if (vertx.deploymentIDs().isEmpty()) {
            vertx.close().await();
        } else {
            stop();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
