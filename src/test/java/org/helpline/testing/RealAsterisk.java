package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A real Asterisk 22 with the project's files installed by {@code ops/asterisk/install.sh}, on a
 * private run directory under {@code target/}, bound to loopback on free ports (several may run at
 * once on one machine).
 *
 * <p>A test class gets one, with the helpline server wired to it, from {@code telephony.RealTelephony}
 * (a JUnit extension that also applies {@link #assumeAvailable}). Alone:
 *
 * <pre>{@code
 * RealAsterisk.assumeAvailable();                  // in @BeforeAll: skip (or, with CI=true, fail)
 * try (RealAsterisk asterisk = RealAsterisk.with().agiPort(agiPort).global("RING_TIMEOUT", "6").start();
 *      OperatorPhone phone = OperatorPhone.register(asterisk, "2001", "127.0.0.2", Answer.PICKS_UP)) {
 *     SippCaller.to(asterisk).pause(Duration.ofSeconds(1)).key('2').holdFor(Duration.ofSeconds(20)).hangUp()
 *             .start().awaitSuccess(Duration.ofMinutes(2));
 *     asterisk.problems();                         // ERROR and WARNING lines of its log
 * }
 * }</pre>
 *
 * Found through {@code ASTERISK_HOME} (the folder holding {@code sbin/asterisk}) or an {@code asterisk}
 * on the PATH. Callers come from 127.0.0.1 (the {@code sipp-test} trunk's address), phones from
 * 127.0.0.2, 127.0.0.3, …: an address a trunk identifies cannot register a phone.
 */
public final class RealAsterisk implements AutoCloseable {
    public static final String AMI_PASSWORD = "realAsteriskTest1";
    /** Phone passwords as pjsip.conf ships them (placeholders a real line replaces). */
    public static final String PHONE_PASSWORD_PREFIX = "CHANGE_ME_";
    private static final String HOW_TO_RUN = "real-Asterisk tests skipped: set ASTERISK_HOME to an Asterisk 22 "
            + "(e.g. ASTERISK_HOME=$PWD/../shared/asterisk-22) or put asterisk on the PATH, and install sip-tester, "
            + "espeak-ng and sox, and kamailio for the SIP front's tests (README, Telephony)";
    private static final Path RUNS = Path.of("target/asterisk");
    private static final Duration BOOT = Duration.ofSeconds(60);
    /** How long tests wait for what a call does: prompts play in real time on a loaded 2-core machine. */
    public static final Duration CALLS = Duration.ofSeconds(45);

    private final Path home;
    private final Path run;
    private final int sipPort;
    private final int amiPort;
    private final int httpPort;
    /** Asterisk's HTTPS port (the secure WebSocket), or 0 without TLS. */
    private final int tlsPort;
    private Process process;

    private RealAsterisk(Path home, Path run, int sipPort, int amiPort, int httpPort, int tlsPort) {
        this.home = home;
        this.run = run;
        this.sipPort = sipPort;
        this.amiPort = amiPort;
        this.httpPort = httpPort;
        this.tlsPort = tlsPort;
    }

    /** The Asterisk to use, if this machine has one. */
    public static Optional<Path> home() {
        String configured = System.getenv("ASTERISK_HOME");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured).toAbsolutePath()).filter(h -> Files.isExecutable(h.resolve("sbin/asterisk")));
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, "asterisk")).filter(Files::isExecutable).findFirst()
                .map(RealAsterisk::realPath).map(binary -> binary.getParent().getParent());
    }

    /**
     * Skips the calling test class (one line saying how to run it) when there is no Asterisk, SIPp,
     * espeak-ng or sox; with {@code CI=true} that fails instead, so CI cannot pass without running them.
     */
    public static void assumeAvailable() {
        List<String> missing = new ArrayList<>();
        if (home().isEmpty()) {
            missing.add("asterisk");
        }
        Stream.of("sipp", "espeak-ng", "sox").filter(tool -> onPath(tool).isEmpty()).forEach(missing::add);
        failOrSkipIfMissing(missing);
    }

    /** As {@link #assumeAvailable()}, for a test that also puts the SIP front (Kamailio) before Asterisk. */
    public static void assumeAvailableWithSipFront() {
        assumeAvailable();
        if (SipFront.binary().isEmpty()) {
            failOrSkipIfMissing(List.of("kamailio"));
        }
    }

    private static void failOrSkipIfMissing(List<String> missing) {
        if (missing.isEmpty()) {
            return;
        }
        String message = HOW_TO_RUN + " (missing: " + String.join(", ", missing) + ")";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("CI=true: " + message);
        }
        Assumptions.abort(message);
    }

    public static Builder with() {
        return new Builder();
    }

    /** Settings of one Asterisk: the server's AGI port and edits to the installed files. */
    public static final class Builder {
        private int agiPort = 4573;
        private final Map<String, Map<String, String>> edits = new LinkedHashMap<>();
        private final Map<String, String> globals = new LinkedHashMap<>();
        private boolean tls;

        /** Where the dialplan's {@code HELPLINE_AGI} points: the test server's FastAGI port on 127.0.0.1. */
        public Builder agiPort(int port) {
            this.agiPort = port;
            return this;
        }

        /** Replaces {@code text} in the installed file (relative to the configuration directory); it must be there. */
        public Builder edit(String file, String text, String replacement) {
            edits.computeIfAbsent(file, f -> new LinkedHashMap<>()).put(text, replacement);
            return this;
        }

        /** Sets a variable of dialplan/globals.conf (e.g. RING_TIMEOUT) to a test value. */
        public Builder global(String name, String value) {
            globals.put(name, value);
            return this;
        }

        /**
         * Serves HTTPS too (http.conf's tlsenable, tlsbindaddr, tlscertfile, tlsprivatekey, as the runbook sets
         * them), on {@link RealAsterisk#tlsPort()} with a certificate made for this run (openssl) for localhost and 127.0.0.1.
         */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        public RealAsterisk start() {
            Path home = home().orElseThrow(() -> new IllegalStateException(HOW_TO_RUN));
            try {
                Files.createDirectories(RUNS);
                Path run = Files.createTempDirectory(RUNS.toAbsolutePath(), "run-");
                RealAsterisk asterisk = new RealAsterisk(home, run, freeUdpPort(), freeTcpPort(), freeTcpPort(),
                        tls ? freeTcpPort() : 0);
                asterisk.install(agiPort, edits, globals);
                asterisk.boot();
                return asterisk;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** SIP (UDP) on 127.0.0.1: where callers and phones send. */
    public int sipPort() {
        return sipPort;
    }

    /** AMI on 127.0.0.1, user {@code helpline}, password {@link #AMI_PASSWORD}. */
    public int amiPort() {
        return amiPort;
    }

    /** Asterisk's HTTP server on 127.0.0.1 (for WebSocket transports; nothing is served by default). */
    public int httpPort() {
        return httpPort;
    }

    /** Whether it serves HTTPS too: started with {@link Builder#tls()}. */
    public boolean servesTls() {
        return tlsPort != 0;
    }

    /** Asterisk's HTTPS server on 127.0.0.1 (the secure WebSocket); only with {@link Builder#tls()}. */
    public int tlsPort() {
        if (tlsPort == 0) {
            throw new IllegalStateException("this Asterisk serves no TLS: start it with RealAsterisk.with().tls()");
        }
        return tlsPort;
    }

    /** The installed configuration directory (astetcdir). */
    public Path etc() {
        return run.resolve("etc");
    }

    /** CPU time Asterisk has used so far (all its threads), for a benchmark's figures. */
    public Duration cpuTime() {
        return process.toHandle().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time"));
    }

    /** Runs a CLI command ({@code asterisk -rx}) and returns its output. */
    public String cli(String command) {
        return Processes.output(List.of(binary().toString(), "-C", etc().resolve("asterisk.conf").toString(), "-rx", command),
                Duration.ofSeconds(30));
    }

    /** Waits until the CLI command's output satisfies {@code wanted}. */
    public String awaitCli(String command, Predicate<String> wanted, String what) {
        String[] last = {""};
        Eventually.until(() -> wanted.test(last[0] = cli(command)), what + " (asterisk -rx '" + command + "')", CALLS);
        return last[0];
    }

    /** Every ERROR and WARNING line Asterisk logged so far (its messages.log). */
    public List<String> problems() {
        Path log = run.resolve("log/messages.log");
        try {
            return Files.exists(log)
                    ? Files.readAllLines(log).stream().filter(l -> l.contains("] ERROR[") || l.contains("] WARNING[")).toList()
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops Asterisk (as a maintenance stop or a crash would leave its clients); {@link #startAgain} brings it back. */
    public void stop() {
        close();
    }

    public boolean running() {
        return process != null && process.isAlive();
    }

    /** Boots the stopped Asterisk again with the same files, ports and database. */
    public void startAgain() {
        boot();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            Processes.output(List.of(binary().toString(), "-C", etc().resolve("asterisk.conf").toString(), "-rx",
                    "core stop now"), Duration.ofSeconds(30));
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    private Path binary() {
        return home.resolve("sbin/asterisk");
    }

    private void install(int agiPort, Map<String, Map<String, String>> edits, Map<String, String> globals)
            throws IOException {
        Path etc = etc();
        Path data = run.resolve("data");
        for (String dir : List.of("etc", "data", "varlib", "spool", "run", "log", "cache", "agi-bin")) {
            Files.createDirectories(run.resolve(dir));
        }
        // the stock samples first, as "make samples" leaves them on a host, then the project's files over them
        copyTree(home.resolve("etc/asterisk"), etc);
        Files.createSymbolicLink(data.resolve("documentation"), home.resolve("var/lib/asterisk/documentation"));
        Processes.run(List.of("ops/asterisk/install.sh", "--prompts", Prompts.rendered().toString(), etc.toString(),
                data.toString()), Map.of("HELPLINE_AMI_PASSWORD", AMI_PASSWORD), Duration.ofMinutes(2));

        Map<String, Map<String, String>> all = new LinkedHashMap<>();
        all.computeIfAbsent("pjsip.conf", f -> new LinkedHashMap<>()).put("bind = 0.0.0.0:5060", "bind = 127.0.0.1:" + sipPort);
        all.computeIfAbsent("manager.conf", f -> new LinkedHashMap<>()).put("port = 5038", "port = " + amiPort);
        all.computeIfAbsent("dialplan/globals.conf", f -> new LinkedHashMap<>())
                .put("HELPLINE_AGI=agi://127.0.0.1:4573", "HELPLINE_AGI=agi://127.0.0.1:" + agiPort);
        edits.forEach((file, replacements) -> all.computeIfAbsent(file, f -> new LinkedHashMap<>()).putAll(replacements));
        for (var file : all.entrySet()) {
            Path path = etc.resolve(file.getKey());
            String text = Files.readString(path);
            for (var edit : file.getValue().entrySet()) {
                if (!text.contains(edit.getKey())) {
                    throw new IllegalStateException(file.getKey() + " no longer holds '" + edit.getKey() + "': update the test");
                }
                text = text.replace(edit.getKey(), edit.getValue());
            }
            Files.writeString(path, text);
        }
        Path globalsFile = etc.resolve("dialplan/globals.conf");
        String text = Files.readString(globalsFile);
        for (var global : globals.entrySet()) {
            Pattern line = Pattern.compile("^" + Pattern.quote(global.getKey()) + "=.*$", Pattern.MULTILINE);
            if (!line.matcher(text).find()) {
                throw new IllegalStateException("dialplan/globals.conf sets no " + global.getKey());
            }
            text = line.matcher(text).replaceAll(Matcher.quoteReplacement(global.getKey() + "=" + global.getValue()));
        }
        Files.writeString(globalsFile, text);
        Files.writeString(etc.resolve("http.conf"), """
                [general]
                enabled = yes
                bindaddr = 127.0.0.1
                bindport = %d
                """.formatted(httpPort) + (tlsPort == 0 ? "" : tlsSettings(etc.resolve("keys"))));
        Files.writeString(etc.resolve("asterisk.conf"), """
                [directories]
                astetcdir => %1$s/etc
                astmoddir => %2$s/lib/asterisk/modules
                astvarlibdir => %1$s/varlib
                astdbdir => %1$s/varlib
                astkeydir => %1$s/varlib
                astdatadir => %1$s/data
                astagidir => %1$s/agi-bin
                astspooldir => %1$s/spool
                astrundir => %1$s/run
                astlogdir => %1$s/log
                astcachedir => %1$s/cache
                astsbindir => %2$s/sbin

                [options]
                verbose = 0
                """.formatted(run, home));
    }

    /** http.conf's TLS lines, with a key and a certificate for localhost and 127.0.0.1 made now, good for two days. */
    private String tlsSettings(Path keys) throws IOException {
        Files.createDirectories(keys);
        Path certificate = keys.resolve("helpline-wss.crt");
        Path key = keys.resolve("helpline-wss.key");
        Processes.run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString()), Map.of(), Duration.ofMinutes(1));
        return """
                tlsenable = yes
                tlsbindaddr = 127.0.0.1:%d
                tlscertfile = %s
                tlsprivatekey = %s
                """.formatted(tlsPort, certificate, key);
    }

    private void boot() {
        try {
            process = new ProcessBuilder(binary().toString(), "-C", etc().resolve("asterisk.conf").toString(), "-f", "-n")
                    .directory(run.toFile()).redirectErrorStream(true).redirectOutput(run.resolve("console.log").toFile())
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long giveUp = System.nanoTime() + BOOT.toNanos();
        while (!cliQuietly("core waitfullybooted").contains("fully booted")) {
            if (!process.isAlive() || System.nanoTime() > giveUp) {
                throw new IllegalStateException("Asterisk did not boot; see " + run.resolve("console.log"));
            }
            try {
                Thread.sleep(200); // the polling interval of a deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String cliQuietly(String command) {
        try {
            return cli(command);
        } catch (RuntimeException notYet) {
            return "";
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }

    static Optional<Path> onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).findFirst();
    }

    private static Path realPath(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A port free for TCP and, with the three above it, for UDP on every address: SIP listens on UDP, SIPp's phones on
     * 127.0.0.2 and .3, its media on the port and the ones above it (RTCP, video), and its control socket on all
     * addresses; a check on 127.0.0.1 alone let a phone fail to start now and then.
     */
    public static int freeUdpPort() {
        while (true) {
            int port = freeTcpPort();
            if (port + 3 <= 65535 && udpFree(port) && udpFree(port + 1) && udpFree(port + 2) && udpFree(port + 3)) {
                return port;
            }
        }
    }

    /** Binding the wildcard address fails while any address holds the port. */
    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int freeTcpPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The prompts and music, rendered once and kept under target/ until their texts or render.sh change. */
    static final class Prompts {
        private static Path rendered;

        static synchronized Path rendered() throws IOException {
            if (rendered == null) {
                Path dir = Path.of("target/asterisk-prompts", fingerprint()).toAbsolutePath();
                if (!Files.exists(dir.resolve("done"))) {
                    Path partial = Files.createDirectories(dir.resolveSibling(dir.getFileName() + ".partial"));
                    Processes.run(List.of("ops/prompts/render.sh", partial.toString()), Map.of(), Duration.ofMinutes(5));
                    Files.writeString(partial.resolve("done"), "");
                    Files.move(partial, dir);
                }
                rendered = dir;
            }
            return rendered;
        }

        private static String fingerprint() throws IOException {
            try (Stream<Path> files = Files.list(Path.of("ops/prompts"))) {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
                    digest.update(Files.readAllBytes(file));
                }
                return HexFormat.of().formatHex(digest.digest(), 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
