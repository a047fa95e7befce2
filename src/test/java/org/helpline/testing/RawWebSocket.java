package org.helpline.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A WebSocket client on a plain socket that reads nothing unless asked: the client that never reads what
 * the server sends. Its receive buffer is tiny, so the server's writes back up quickly.
 */
public final class RawWebSocket implements AutoCloseable {
    private static final int OPCODE_TEXT = 0x1;
    private static final int OPCODE_CLOSE = 0x8;

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final SecureRandom random = new SecureRandom();

    private RawWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = socket.getInputStream();
    }

    /** @param headers more request header lines, such as {@code "Cookie: helpline_session=…"} */
    public static RawWebSocket connect(int port, String path, String... headers) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(2048);
            socket.connect(new InetSocketAddress("localhost", port), 2000);
            RawWebSocket client = new RawWebSocket(socket);
            client.handshake(port, path, headers);
            return client;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void handshake(int port, String path, String... headers) throws IOException {
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n" + String.join("", java.util.Arrays.stream(headers)
                .map(h -> h + "\r\n").toList()) + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b == -1) {
                throw new IOException("closed during the handshake: " + head);
            }
            head.write(b);
        }
        if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
    }

    public void sendText(String text) {
        sendFrame(true, 0, OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends one masked frame as given, right or wrong: {@code rsv} is the three reserved bits (0–7),
     * {@code opcode} 0 continues a fragmented message, 1 is text, 2 binary.
     */
    public void sendFrame(boolean fin, int rsv, int opcode, byte[] payload) {
        try {
            out.write(header(fin, rsv, opcode, payload.length));
            byte[] mask = new byte[4];
            random.nextBytes(mask);
            out.write(mask);
            byte[] masked = new byte[payload.length];
            for (int i = 0; i < payload.length; i++) {
                masked[i] = (byte) (payload[i] ^ mask[i % 4]);
            }
            out.write(masked);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends only the head of a text frame announcing {@code length} bytes, as a client about to stream them would. */
    public void sendFrameHead(long length) {
        try {
            out.write(header(true, 0, OPCODE_TEXT, length));
            out.write(new byte[4]);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] header(boolean fin, int rsv, int opcode, long length) {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write((fin ? 0x80 : 0) | (rsv & 0x7) << 4 | opcode);
        if (length < 126) {
            head.write(0x80 | (int) length);
        } else if (length <= 0xffff) {
            head.write(0x80 | 126);
            head.write((int) (length >>> 8));
            head.write((int) (length & 0xff));
        } else {
            head.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                head.write((int) (length >>> shift) & 0xff);
            }
        }
        return head.toByteArray();
    }

    /**
     * Reads everything the server sent until its close frame, and returns the close code; -1 if the
     * connection ended without one. Fails if nothing closes within {@code patience}.
     */
    public int readUntilClose(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                Frame frame = readFrame(deadline);
                if (frame == null) {
                    return -1;
                }
                if (frame.opcode() == OPCODE_CLOSE) {
                    byte[] payload = frame.payload();
                    return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : -1;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server did not close the connection within " + patience);
        } catch (IOException e) {
            return -1;
        }
    }

    /** The next text message the server sends; fails if none comes within {@code patience} or the server closes. */
    public String readText(Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (true) {
                Frame frame = readFrame(deadline);
                if (frame == null || frame.opcode() == OPCODE_CLOSE) {
                    throw new AssertionError("the server closed the connection instead of answering");
                }
                if (frame.opcode() == OPCODE_TEXT) {
                    return new String(frame.payload(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new AssertionError("no text message within " + patience, e);
        }
    }

    private record Frame(int opcode, byte[] payload) {
    }

    /** The next frame (unmasked, as a server sends), or null at the end of the stream. */
    private Frame readFrame(long deadline) throws IOException {
        socket.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        int first = in.read();
        if (first == -1) {
            return null;
        }
        long length = in.read() & 0x7f;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        return new Frame(first & 0x0f, in.readNBytes((int) length));
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test connection
        }
    }
}
