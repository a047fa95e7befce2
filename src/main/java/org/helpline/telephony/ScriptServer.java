package org.helpline.telephony;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
import org.asteriskjava.util.ServerSocketFacade;
import org.helpline.config.TelephonyConfig.AgiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server the dialplan calls. Asterisk-Java's {@code startup()} blocks for as long as it
 * listens, so it has a thread of its own; if the port cannot be bound it tries again with a growing
 * pause. Each call's script runs on a thread of a bounded pool, at most {@code maxScripts} at once: a call
 * beyond that is refused and the dialplan falls back. Platform threads, not virtual ones: a script blocks
 * on its socket a few times per call, and a blocking read costs a platform thread less than a virtual
 * thread's park and wake through the JDK's poller (AgiBenchmark: about 15 % more calls a second).
 */
final class ScriptServer {
    private static final Logger LOG = LoggerFactory.getLogger(ScriptServer.class);

    private final AgiConfig config;
    private final Duration retryMin;
    private final Duration retryMax;
    private final Listener server;
    private volatile TelephonyStatus status;
    private volatile boolean stopping;
    private Thread thread;

    ScriptServer(AgiConfig config, Map<String, AgiScript> scripts, Duration retryMin, Duration retryMax) {
        this.config = config;
        this.retryMin = retryMin;
        this.retryMax = retryMax;
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        // a HashMap: a request that names no script (a port probe, AGI() without a path) finds none and is
        // answered NOT_FOUND; an immutable map would throw on the missing name
        mapping.setMappings(new HashMap<>(scripts));
        this.server = new Listener(mapping, config.maxScripts());
        this.status = TelephonyStatus.down("starting on " + address());
    }

    void start() throws IOException {
        server.setAddress(InetAddress.getByName(config.bindAddress()));
        server.setPort(config.port());
        thread = Thread.ofPlatform().name("helpline-agi").daemon().start(this::run);
    }

    TelephonyStatus status() {
        return status;
    }

    void stop() {
        stopping = true;
        server.shutdown();
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        Backoff backoff = new Backoff(retryMin, retryMax);
        while (!stopping) {
            try {
                probe(); // Asterisk-Java logs a stack trace for every failed bind: find out first
                server.startup(); // returns only after shutdown()
                return;
            } catch (IOException | RuntimeException e) {
                if (stopping) {
                    return;
                }
                Duration pause = backoff.next();
                String problem = "cannot listen on " + address() + ": " + e.getMessage();
                status = TelephonyStatus.down(problem + "; retrying in " + Backoff.describe(pause));
                LOG.warn("telephony.agi.down reason=\"{}\" retryIn={}", problem, Backoff.describe(pause));
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    private void probe() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(server.getAddress(), config.port()));
        }
    }

    private String address() {
        return config.bindAddress() + ":" + config.port();
    }

    /** Asterisk-Java's server, told how to run scripts and to report when it listens. */
    private final class Listener extends DefaultAgiServer {
        private final int maxScripts;

        Listener(SimpleMappingStrategy mapping, int maxScripts) {
            super("fastagi", mapping, new AgiChannels()); // "fastagi": Asterisk-Java's own default settings bundle
            this.maxScripts = maxScripts;
        }

        @Override
        protected ServerSocketFacade createServerSocket() throws IOException {
            ServerSocketFacade socket = super.createServerSocket();
            status = TelephonyStatus.ok();
            LOG.info("telephony.agi.listening address={}", address());
            return socket;
        }

        @Override
        protected ThreadPoolExecutor createPool() {
            return new ThreadPoolExecutor(0, maxScripts, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                    Thread.ofPlatform().daemon().name("helpline-agi-script-", 0).factory());
        }
    }
}
