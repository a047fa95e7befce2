package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.helpline.testing.RealAsterisk;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A test class's real telephony: one {@link RealAsterisk} (with the class's edits) and the helpline server wired
 * to it, started before the class's first test and closed after its last, the server first.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RealTelephony TELEPHONY = RealTelephony.on(RealAsterisk.with().global("RING_TIMEOUT", "6")).withLine();
 *
 * @Test
 * void aCallerIsOfferedToAnOperator(RealAsterisk asterisk, RealLine line) { ... }
 * }</pre>
 *
 * Test and lifecycle methods take the {@link RealAsterisk}, the {@link RealLine} and its {@link TestServer} as
 * parameters; helpers are handed them or ask this extension ({@link #asterisk()}, {@link #line()}, {@link #server()}). With no Asterisk on the machine the class is skipped with one line saying
 * how to run it (with {@code CI=true} it fails instead): {@link RealAsterisk#assumeAvailable}. The server's files
 * (its account file) stay beside Asterisk's run folder under {@code target/asterisk}.
 */
public final class RealTelephony implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final RealAsterisk.Builder settings;
    private Supplier<String> lineStore;
    private ServerStart serverStart;
    private RealAsterisk asterisk;
    private RealLine line;
    private TestServer server;

    /** A server of the class's own making, for other accounts or settings than {@link RealLine}'s. */
    @FunctionalInterface
    public interface ServerStart {
        /**
         * @param dir     a folder of its own, for the account file
         * @param agiPort where the dialplan sends its AGI requests: the server's FastAGI port
         */
        TestServer start(Path dir, int agiPort, RealAsterisk asterisk);
    }

    private RealTelephony(RealAsterisk.Builder settings) {
        this.settings = settings;
    }

    /** Asterisk alone, with these settings (the AGI port is set here); {@link #withLine} or {@link #withServer} adds a server. */
    public static RealTelephony on(RealAsterisk.Builder asterisk) {
        return new RealTelephony(asterisk);
    }

    /** With {@link RealLine}: operators ana (phone 2001) and bogdan (2002), the line open all week. */
    public RealTelephony withLine() {
        return withLine(() -> "");
    }

    /** With {@link RealLine} and this store configuration, read as the class starts (e.g. a Redis extension's). */
    public RealTelephony withLine(Supplier<String> storeYaml) {
        this.lineStore = storeYaml;
        return this;
    }

    /** With a server of the class's own; it is ready once its AMI and AGI links are up. */
    public RealTelephony withServer(ServerStart start) {
        this.serverStart = start;
        return this;
    }

    public RealAsterisk asterisk() {
        return asterisk;
    }

    public RealLine line() {
        if (line == null) {
            throw new IllegalStateException("no RealLine here: the class registers RealTelephony without withLine()");
        }
        return line;
    }

    public TestServer server() {
        return line != null ? line.server() : server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        RealAsterisk.assumeAvailable();
        int agiPort = RealAsterisk.freeUdpPort();
        asterisk = settings.agiPort(agiPort).start();
        Path dir = folder(asterisk);
        if (lineStore != null) {
            line = new RealLine(dir, agiPort, asterisk.amiPort(), lineStore.get()).start();
        } else if (serverStart != null) {
            server = serverStart.start(dir, agiPort, asterisk);
            RealLine.awaitLinksUp(server);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (line != null) {
                line.close();
            }
            if (server != null) {
                server.close();
            }
        } finally {
            if (asterisk != null) {
                asterisk.close();
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RealAsterisk.class || type == RealLine.class || type == TestServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RealAsterisk.class ? asterisk() : type == RealLine.class ? line() : server();
    }

    /** The server's folder, beside Asterisk's run folder (kept under target/ with it). */
    private static Path folder(RealAsterisk asterisk) {
        try {
            return Files.createDirectories(asterisk.etc().resolveSibling("helpline"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
