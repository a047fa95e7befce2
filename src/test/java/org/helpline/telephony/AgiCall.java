package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Asterisk's side of one FastAGI call: sends the agi_ environment of a real SIP call (the transcript
 * agi-session-timeout.txt, with the script, channel and arguments of the helpline's dialplan), then
 * reads the server's commands one line at a time and answers them as Asterisk 22 does.
 */
final class AgiCall implements AutoCloseable {
    private static final int WAIT_MILLIS = 5_000;

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private AgiCall(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    /** {@code AGI(agi://127.0.0.1:<port>/<script>,<args>)} on {@code channel}. */
    static AgiCall place(int port, String script, String channel, String... args) {
        try {
            AgiCall call = new AgiCall(new Socket("127.0.0.1", port));
            call.socket.setSoTimeout(WAIT_MILLIS);
            call.write(environment(port, script, channel, args));
            return call;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same call from {@code callerId} (agi_callerid), as the carrier passed it on. */
    static AgiCall placeFrom(int port, String callerId, String script, String channel, String... args) {
        try {
            AgiCall call = new AgiCall(new Socket("127.0.0.1", port));
            call.socket.setSoTimeout(WAIT_MILLIS);
            List<String> lines = new ArrayList<>();
            for (String line : environment(port, script, channel, args)) {
                lines.add(line.startsWith("agi_callerid:") ? "agi_callerid: " + callerId : line);
            }
            call.write(lines);
            return call;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> environment(int port, String script, String channel, String... args) {
        List<String> lines = new ArrayList<>();
        for (String line : Transcript.agiEnvironment("agi-session-timeout.txt")) {
            String name = line.substring(0, line.indexOf(':'));
            lines.add(switch (name) {
                case "agi_network_script" -> name + ": " + script;
                case "agi_request" -> name + ": agi://127.0.0.1:" + port + "/" + script;
                case "agi_channel" -> name + ": " + channel;
                default -> line;
            });
        }
        for (int i = 0; i < args.length; i++) {
            lines.add("agi_arg_" + (i + 1) + ": " + args[i]);
        }
        return lines;
    }

    private void write(List<String> environment) throws IOException {
        out.write((String.join("\n", environment) + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The next command line the server sent (fails after a few seconds of silence). */
    String command() {
        try {
            String line = in.readLine();
            if (line == null) {
                throw new AssertionError("the server closed the AGI connection instead of sending a command");
            }
            return line;
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no AGI command within " + WAIT_MILLIS + " ms", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    AgiCall expect(String command) {
        assertThat(command()).isEqualTo(command);
        return this;
    }

    /** Answers the last command with Asterisk's reply lines (LF-terminated, as Asterisk sends them). */
    AgiCall reply(String... lines) {
        try {
            out.write((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The command, answered {@code 200 result=1} as a SET VARIABLE is. */
    AgiCall set(String name, String value) {
        return expect("SET VARIABLE \"" + name + "\" \"" + value + "\"").reply("200 result=1");
    }

    /** Several variables in one {@code EXEC MSet}, as Asterisk 22 answers it (the application returns 0). */
    AgiCall mset(String... assignments) {
        return expect("EXEC \"MSet\" \"" + String.join(",", assignments) + "\"").reply("200 result=0");
    }

    /** The server hangs up the socket once the script has answered (no AJ_AGISTATUS=SUCCESS: {@link AgiChannels}). */
    void ends() {
        try {
            assertThat(in.readLine()).as("the server ends the AGI session").isNull();
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the AGI session open", e);
        } catch (IOException e) {
            // a reset is also an end
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
