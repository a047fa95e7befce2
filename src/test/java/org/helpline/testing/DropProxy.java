package org.helpline.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntSupplier;

/**
 * A TCP relay on a free port of this machine that a test can cut, as a caller's network would drop:
 * {@link #cut()} breaks every open connection and refuses new ones until {@link #restore()}. With
 * {@link #forwardToReady} it is the load balancer in front of two servers: each new connection goes to the one
 * whose {@code /ready} answers 200, as HAProxy's health check does (ops/two-servers/haproxy.cfg).
 */
public final class DropProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile IntSupplier target = () -> 0;
    private volatile boolean cut;

    private DropProxy(ServerSocket listener) {
        this.listener = listener;
        Thread.ofVirtual().name("drop-proxy").start(this::acceptAll);
    }

    public static DropProxy start() {
        try {
            return new DropProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Where connections go; set once the server behind it has a port. */
    public void forwardTo(int port) {
        target = () -> port;
    }

    /** Each new connection goes to the first of {@code servers} that is ready now; refused while none is. */
    public void forwardToReady(List<HelplineProcess> servers) {
        target = () -> servers.stream().filter(HelplineProcess::ready).findFirst().map(HelplineProcess::httpPort).orElse(0);
    }

    public void cut() {
        cut = true;
        open.forEach(DropProxy::quietlyClose);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        quietlyClose(listener);
    }

    private void acceptAll() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                int targetPort = cut ? 0 : target.getAsInt();
                if (targetPort == 0) {
                    quietlyClose(client);
                    continue;
                }
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                open.add(client);
                open.add(server);
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                // the listener closed, or the server refused: the client sees its connection fail
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) != -1) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            quietlyClose(from);
            quietlyClose(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void quietlyClose(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing what may already be closed
        }
    }
}
