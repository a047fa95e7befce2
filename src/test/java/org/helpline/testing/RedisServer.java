package org.helpline.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.helpline.config.StoreConfig.RedisConfig;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Redis for tests. Register it with {@code @RegisterExtension static final RedisServer REDIS =
 * RedisServer.create();}: it starts before the class's tests, and before each test it is running again
 * (a test may have stopped it) and holds no key under {@link #keyPrefix()}.
 *
 * <p>By default it is a private {@code redis-server} on a free port of 127.0.0.1, without persistence,
 * in a temporary folder; it can be stopped, killed, paused and started again on the same port. With
 * {@code REDIS_URL} set, tests use that Redis instead and touch only keys under their own prefix; tests
 * that need to stop the server are then skipped. {@link #persistent()} runs it as ops/compose.yaml does:
 * append-only file on (and RDB snapshots), so that it keeps its data over a stop and start.
 */
public final class RedisServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final Path BINARY = Path.of("/usr/bin/redis-server");
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);

    private final String password;
    private final boolean persistent;
    private final String prefix = "helpline-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final URI external;
    private String host = "127.0.0.1";
    private int port;
    private Path folder;
    private Process process;
    private Class<?> owner;

    private RedisServer(String password, boolean persistent) {
        this.password = password;
        this.persistent = persistent;
        String url = System.getenv("REDIS_URL");
        this.external = url == null || url.isBlank() || !password.isEmpty() || persistent ? null : URI.create(url);
    }

    public static RedisServer create() {
        return new RedisServer("", false);
    }

    /** A private server that asks for this password (never the one at REDIS_URL). */
    public static RedisServer withPassword(String password) {
        return new RedisServer(password, false);
    }

    /** A private server with persistence on, as in production: append-only file and RDB snapshots. */
    public static RedisServer persistent() {
        return new RedisServer("", true);
    }

    /** The private server's data directory: its AOF and RDB files, and nothing else of ours. */
    public Path dataFolder() {
        requirePrivate();
        return folder.resolve("data");
    }

    /** Starts with the outermost test class; its @Nested classes get the callbacks too, and share it. */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (owner == null) {
            owner = context.getRequiredTestClass();
            if (external == null) {
                start();
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (external == null && (process == null || !process.isAlive())) {
            start();
        }
        deleteKeys();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (context.getRequiredTestClass() != owner) {
            return;
        }
        owner = null;
        if (external != null) {
            deleteKeys();
            return;
        }
        stop();
        deleteFolder();
    }

    /** {@code redis://host:port} (no password: pass {@link #password()} separately, as the server does). */
    public String url() {
        if (external != null) {
            return external.getScheme() + "://" + external.getHost() + ":" + portOf(external) + external.getRawPath();
        }
        return "redis://" + host + ":" + port;
    }

    public String password() {
        return external != null && external.getUserInfo() != null ? passwordOf(external) : password;
    }

    public int port() {
        return external != null ? portOf(external) : port;
    }

    /** The server's configuration for this Redis as its store: {@code store: { type: redis, redis: {...} }}. */
    public String storeYaml() {
        return """
                store:
                  type: redis
                  redis: { url: "%s", password: "%s", keyPrefix: "%s" }
                """.formatted(url(), password(), keyPrefix());
    }

    /**
     * As {@link #storeYaml()}, for one of two or more servers, named {@code server}, with the tests' lease: 3 s,
     * renewed every second, so that a loaded machine's pauses are not taken for a server's death.
     */
    public String leadershipStoreYaml(String server) {
        return """
                store:
                  type: redis
                  redis:
                    url: "%s"
                    password: "%s"
                    keyPrefix: "%s"
                    leadership: { enabled: true, leaseTtl: 3s, renewEvery: 1s, server: "%s" }
                """.formatted(url(), password(), keyPrefix(), server);
    }

    /** Every key a test writes must start with this, so that a shared Redis is left as it was. */
    public String keyPrefix() {
        return prefix;
    }

    /** The store's settings for this server, with the given record TTLs (null for the defaults). */
    public RedisConfig config(Duration contactTtl, Duration operatorTtl) {
        return new RedisConfig(url(), password(), prefix, contactTtl, operatorTtl);
    }

    public RedisConfig config() {
        return config(null, null);
    }

    public boolean isPrivate() {
        return external == null;
    }

    /** Starts the private server, on the port it had before if it ran already. */
    public synchronized void start() {
        requirePrivate();
        if (process != null && process.isAlive()) {
            return;
        }
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install the redis-server package (apt-get install redis-server)");
        }
        try {
            if (folder == null) {
                folder = Files.createTempDirectory("helpline-redis-");
            }
            boolean firstStart = port == 0;
            for (int attempt = 1; ; attempt++) {
                if (firstStart) {
                    port = freePort();
                }
                process = launch();
                if (awaitReady()) {
                    return;
                }
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                if (!firstStart || attempt == 3) {
                    throw new IllegalStateException("redis-server did not start on port " + port + ": " + logTail());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Shuts the private server down cleanly (it keeps nothing, unless {@link #persistent()}). */
    public synchronized void stop() {
        requirePrivate();
        if (process != null) {
            process.destroy();
        }
        awaitEnd();
    }

    /** Kills the private server at once, as a crash would. */
    public synchronized void kill() {
        requirePrivate();
        if (process != null) {
            process.destroyForcibly();
        }
        awaitEnd();
    }

    /** Freezes the server (SIGSTOP): connections stay open but nothing is answered. */
    public synchronized void pause() {
        signal("STOP");
    }

    public synchronized void resume() {
        signal("CONT");
    }

    /** Every key under this server's prefix, with its remaining time to live in milliseconds (-1: none). */
    public Map<String, Long> keysWithTtl() {
        Map<String, Long> keys = new LinkedHashMap<>();
        for (String key : keys()) {
            keys.put(key, (Long) call("PTTL", key));
        }
        return keys;
    }

    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        String cursor = "0";
        do {
            List<?> page = (List<?>) call("SCAN", cursor, "MATCH", prefix + "*", "COUNT", "1000");
            cursor = (String) page.get(0);
            ((List<?>) page.get(1)).forEach(key -> keys.add((String) key));
        } while (!cursor.equals("0"));
        keys.sort(Comparator.naturalOrder());
        return keys;
    }

    /**
     * Runs one command on a fresh connection, beside the code under test. Replies: String (or null),
     * Long, or a List of those; an error reply throws.
     */
    public Object call(String... command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port()), 2000);
            socket.setSoTimeout(5000);
            Resp resp = new Resp(socket);
            if (!password().isEmpty()) {
                resp.send("AUTH", password());
            }
            if (external != null && external.getPath().length() > 1) {
                resp.send("SELECT", external.getPath().substring(1));
            }
            return resp.send(command);
        } catch (IOException e) {
            throw new UncheckedIOException("redis at " + host() + ":" + port() + ": " + e.getMessage(), e);
        }
    }

    /** A port of 127.0.0.1 where nothing listens, for tests of an unreachable Redis. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Process launch() throws IOException {
        Files.createDirectories(folder.resolve("data"));
        List<String> command = new ArrayList<>(List.of(BINARY.toString(),
                "--port", String.valueOf(port), "--bind", host,
                "--dir", folder.resolve("data").toString(), "--logfile", folder.resolve("redis.log").toString()));
        command.addAll(persistent
                ? List.of("--appendonly", "yes", "--appendfsync", "everysec", "--save", "60 1")
                : List.of("--save", "", "--appendonly", "no"));
        if (!password.isEmpty()) {
            command.addAll(List.of("--requirepass", password));
        }
        return new ProcessBuilder(command).directory(folder.toFile())
                .redirectErrorStream(true).redirectOutput(folder.resolve("stdout.log").toFile()).start();
    }

    private boolean awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                if ("PONG".equals(call("PING"))) {
                    return true;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            Thread.sleep(20);
        }
        return false;
    }

    private void awaitEnd() {
        if (process == null) {
            return;
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void signal(String signal) {
        requirePrivate();
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(process.pid())).start();
            if (kill.waitFor() != 0) {
                throw new IllegalStateException("kill -" + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deleteKeys() {
        List<String> keys = keys();
        for (int from = 0; from < keys.size(); from += 500) {
            List<String> command = new ArrayList<>(List.of("DEL"));
            command.addAll(keys.subList(from, Math.min(keys.size(), from + 500)));
            call(command.toArray(String[]::new));
        }
    }

    private void deleteFolder() {
        if (folder == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder: the system cleans it up eventually
        }
        folder = null;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(folder.resolve("redis.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private void requirePrivate() {
        Assumptions.assumeTrue(external == null, "needs a private redis-server, not the one at REDIS_URL");
    }

    private String host() {
        return external != null ? external.getHost() : host;
    }

    private static int portOf(URI uri) {
        return uri.getPort() == -1 ? 6379 : uri.getPort();
    }

    private static String passwordOf(URI uri) {
        String userInfo = uri.getUserInfo();
        return userInfo.contains(":") ? userInfo.substring(userInfo.indexOf(':') + 1) : userInfo;
    }

    /** Just enough of the Redis protocol to check what the code under test wrote. */
    private static final class Resp {
        private final OutputStream out;
        private final InputStream in;

        Resp(Socket socket) throws IOException {
            this.out = socket.getOutputStream();
            this.in = new BufferedInputStream(socket.getInputStream());
        }

        Object send(String... command) throws IOException {
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes(("*" + command.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            for (String part : command) {
                byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
                request.writeBytes(("$" + bytes.length + "\r\n").getBytes(StandardCharsets.UTF_8));
                request.writeBytes(bytes);
                request.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(request.toByteArray());
            out.flush();
            return read();
        }

        private Object read() throws IOException {
            int type = in.read();
            String line = line();
            return switch (type) {
                case '+' -> line;
                case '-' -> throw new IllegalStateException("redis error: " + line);
                case ':' -> Long.parseLong(line);
                case '$' -> bulk(Integer.parseInt(line));
                case '*' -> array(Integer.parseInt(line));
                default -> throw new IOException("unexpected reply type " + type);
            };
        }

        private String bulk(int length) throws IOException {
            if (length < 0) {
                return null;
            }
            byte[] bytes = in.readNBytes(length + 2);
            return new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        private List<Object> array(int length) throws IOException {
            if (length < 0) {
                return null;
            }
            List<Object> items = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                items.add(read());
            }
            return items;
        }

        private String line() throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != '\r') {
                if (b == -1) {
                    throw new IOException("connection closed");
                }
                line.write(b);
            }
            in.read();
            return line.toString(StandardCharsets.UTF_8);
        }
    }
}
