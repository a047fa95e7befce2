package org.helpline.telephony;

import java.io.IOException;
import java.net.Socket;
import java.util.Map;

import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;

/**
 * What the benchmarks compare the helpline's FastAGI server with: Asterisk-Java's own server running bare
 * scripts, on its own thread and a free port, over the same AGI channels as the helpline's ({@link AgiChannels}:
 * no status round trip after each script), so that the comparison shows what the server's work costs.
 */
record BareAgiServer(DefaultAgiServer server, Thread thread, int port) {
    /** Starts and returns once it listens. */
    static BareAgiServer start(Map<String, AgiScript> scripts) throws InterruptedException {
        int port = TelephonyRoom.freePort();
        SimpleMappingStrategy mapping = new SimpleMappingStrategy();
        mapping.setMappings(scripts);
        DefaultAgiServer server = new DefaultAgiServer("fastagi", mapping, new AgiChannels());
        server.setPort(port);
        Thread thread = Thread.ofPlatform().daemon().start(() -> {
            try {
                server.startup();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        awaitListening(port);
        return new BareAgiServer(server, thread, port);
    }

    void stop() throws InterruptedException {
        server.shutdown();
        thread.join(5_000);
    }

    private static void awaitListening(int port) throws InterruptedException {
        long giveUp = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < giveUp) {
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("the bare AGI server did not start");
    }
}
