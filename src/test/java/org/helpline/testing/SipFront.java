package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The project's SIP front (config/sip-front/kamailio.cfg, Kamailio) between SIPp callers and a {@link RealAsterisk}:
 * on 127.0.0.1 and a free port, passing calls to Asterisk's SIP port, refusing busy the new calls beyond
 * {@code maxNewPerSecond}. Calls it passes on reach Asterisk from 127.0.0.1, as SIPp's do: the same trunk.
 */
public final class SipFront implements AutoCloseable {
    private static final Path CONFIG = Path.of("config/sip-front/kamailio.cfg");
    private final Process process;
    private final Path folder;
    private final int port;

    private SipFront(Process process, Path folder, int port) {
        this.process = process;
        this.folder = folder;
        this.port = port;
    }

    /** Kamailio on the PATH or in /usr/sbin (Debian puts it there), if this machine has it. */
    static Optional<Path> binary() {
        return RealAsterisk.onPath("kamailio").or(() -> Optional.of(Path.of("/usr/sbin/kamailio")).filter(Files::isExecutable));
    }

    /** Starts a front before that Asterisk; returns once it answers SIP. */
    public static SipFront before(RealAsterisk asterisk, int maxNewPerSecond) {
        Path kamailio = binary().orElseThrow(() -> new IllegalStateException("no kamailio: RealAsterisk.assumeAvailable(\"kamailio\")"));
        int port = RealAsterisk.freeUdpPort();
        try {
            Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target/sip-front")).toAbsolutePath(), "front-");
            Process process = new ProcessBuilder(kamailio.toString(), "-DD", "-E", "-f", CONFIG.toAbsolutePath().toString(),
                    "-Y", folder.toString(), "-A", "FRONT_LISTEN=udp:127.0.0.1:" + port,
                    "-A", "ASTERISK=\"sip:127.0.0.1:" + asterisk.sipPort() + "\"",
                    "-A", "MAX_NEW_PER_SECOND=" + maxNewPerSecond)
                    .redirectErrorStream(true).redirectOutput(folder.resolve("kamailio.log").toFile()).start();
            SipFront front = new SipFront(process, folder, port);
            front.awaitAnswering();
            return front;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where callers send (UDP on 127.0.0.1). */
    public int port() {
        return port;
    }

    /** Sends the front one UDP datagram, as a carrier (or anyone) could. */
    public void send(String message) {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What Kamailio logged so far. */
    public String log() {
        try {
            return Files.readString(folder.resolve("kamailio.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every ERROR, WARNING, CRITICAL or ALERT line Kamailio logged so far. */
    public List<String> problems() {
        return log().lines().filter(l -> Stream.of(" ERROR: ", " WARNING: ", " CRITICAL: ", " ALERT: ").anyMatch(l::contains))
                .toList();
    }

    /** An OPTIONS ping (relayed to Asterisk, answered by it) until one is answered: both are up. */
    private void awaitAnswering() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(500);
            String ping = """
                    OPTIONS sip:ping@127.0.0.1:%1$d SIP/2.0\r
                    Via: SIP/2.0/UDP 127.0.0.1:%2$d;branch=z9hG4bK-front-ping\r
                    From: <sip:ping@127.0.0.1:%2$d>;tag=ping\r
                    To: <sip:ping@127.0.0.1:%1$d>\r
                    Call-ID: front-ping-%2$d\r
                    CSeq: 1 OPTIONS\r
                    Max-Forwards: 70\r
                    Content-Length: 0\r
                    \r
                    """.formatted(port, socket.getLocalPort());
            byte[] bytes = ping.getBytes(StandardCharsets.US_ASCII);
            byte[] answer = new byte[4096];
            long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < giveUp) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("kamailio ended: " + Files.readString(folder.resolve("kamailio.log")));
                }
                socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
                try {
                    socket.receive(new DatagramPacket(answer, answer.length));
                    return;
                } catch (SocketTimeoutException notYet) {
                    // not listening yet: ask again
                }
            }
            close();
            throw new IllegalStateException("kamailio did not answer on " + port + " within 30 s: " + folder);
        }
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(10)); // SIGTERM: Kamailio stops its children and ends
    }
}
