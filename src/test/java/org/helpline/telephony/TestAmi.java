package org.helpline.telephony;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An Asterisk Manager Interface peer speaking the bytes of the Asterisk 22 captures: the banner,
 * Challenge/MD5 login (ami-login-md5), CRLF framing, events pushed between responses. Redirect,
 * CoreShowChannels and Originate (Async: queued at once) answer as Asterisk's manager.c does, PJSIPShowContacts as
 * res_pjsip does; the test decides which channels are alive and which phones registered.
 */
final class TestAmi implements AutoCloseable {
    static final String CHALLENGE = "759448082";
    private static final String LOGIN_CAPTURE = "ami-login-md5.txt";

    private final String secret;
    private final ServerSocket server;
    private final BlockingQueue<Map<String, String>> actions = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger logins = new AtomicInteger();
    private volatile Session current;
    private volatile List<String> liveChannels = List.of();
    private volatile List<String> bridgedChannels = List.of();
    private volatile Map<String, String> contacts = Map.of();
    private volatile String redirectError;
    private volatile boolean refuseLogins;

    TestAmi(String secret) {
        this.secret = secret;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread.ofPlatform().daemon().name("test-ami-accept").start(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    int connections() {
        return connections.get();
    }

    int logins() {
        return logins.get();
    }

    /** What CoreShowChannels lists from now on; {@code bridged} ones report a BridgeId. */
    void channelsAlive(List<String> channels, List<String> bridged) {
        this.liveChannels = List.copyOf(channels);
        this.bridgedChannels = List.copyOf(bridged);
    }

    /**
     * What PJSIPShowContacts lists from now on: one registration (a browser's contact) per aor, in this state
     * (Reachable, Unreachable, NonQualified or Unknown, as Asterisk's contact status labels).
     */
    void contactsRegistered(Map<String, String> statusByAor) {
        this.contacts = Map.copyOf(statusByAor);
    }

    /** Answers every login "Authentication failed" (as after a secret was changed) until told otherwise. */
    void refuseLogins(boolean refuse) {
        this.refuseLogins = refuse;
    }

    /** Makes Redirect fail with this message (null: succeed). */
    void refuseRedirects(String message) {
        this.redirectError = message;
    }

    /** The next action of this kind the server sent (Pings and others in between are skipped). */
    Map<String, String> awaitAction(String action) {
        Map<String, String> next = actionWithin(action, Duration.ofSeconds(5));
        if (next == null) {
            throw new AssertionError("no " + action + " action within 5 s");
        }
        return next;
    }

    /**
     * The next action of this kind within {@code within}, or null. For checking that an action is NOT sent:
     * a slow machine can only hide a wrong one, never fail a right one.
     */
    Map<String, String> actionWithin(String action, Duration within) {
        long giveUp = System.nanoTime() + within.toNanos();
        try {
            while (true) {
                Map<String, String> next = actions.poll(giveUp - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (next == null || action.equalsIgnoreCase(next.get("Action"))) {
                    return next;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Pushes an event to the logged-in session, as Asterisk does between responses. */
    void send(String message) {
        Session session = current;
        if (session == null) {
            throw new AssertionError("no AMI session to send to");
        }
        session.write(message);
    }

    /** The link goes silent without closing (a dead route, a hung Asterisk): nothing is answered any more. */
    void mute() {
        Session session = current;
        if (session != null) {
            session.muted = true;
        }
    }

    /** The link drops mid-call (Asterisk restarted, network cut): no Logoff, no goodbye. */
    void cut() {
        Session session = current;
        current = null;
        if (session != null) {
            session.close();
        }
    }

    @Override
    public void close() throws IOException {
        cut();
        server.close();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Session session = new Session(socket);
                Thread.ofPlatform().daemon().name("test-ami-session").start(session::run);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private final class Session {
        private final Socket socket;
        private final OutputStream out;
        private boolean loggedIn;
        private volatile boolean muted;

        Session(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        void run() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                write(Transcript.read(LOGIN_CAPTURE).lines().findFirst().orElseThrow() + "\r\n");
                Map<String, String> action = headers();
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (!line.isEmpty()) {
                        int colon = line.indexOf(':');
                        action.put(line.substring(0, colon), line.substring(colon + 1).trim());
                    } else if (!action.isEmpty()) {
                        actions.add(action);
                        answer(action);
                        action = headers();
                    }
                }
            } catch (IOException closed) {
                // cut() or the client went away
            } finally {
                close();
            }
        }

        private void answer(Map<String, String> action) {
            if (muted) {
                return;
            }
            String id = action.getOrDefault("ActionID", "");
            String name = action.getOrDefault("Action", "");
            if (!loggedIn && !name.equalsIgnoreCase("Challenge") && !name.equalsIgnoreCase("Login")) {
                write(error(id, "Permission denied"));
                return;
            }
            switch (name.toLowerCase()) {
                case "challenge" -> write(captured("1868712311_0", id));
                case "login" -> login(action, id);
                case "coresettings" -> write(captured("1868712311_4", id));
                case "ping" -> write(captured("1868712311_5", id));
                case "logoff" -> {
                    write(captured("1868712311_6", id));
                    close();
                }
                case "redirect" -> write(redirectError == null
                        ? "Response: Success\r\nActionID: " + id + "\r\nMessage: Redirect successful\r\n\r\n"
                        : error(id, redirectError));
                case "coreshowchannels" -> showChannels(id);
                case "pjsipshowcontacts" -> showContacts(id);
                case "originate" -> write("Response: Success\r\nActionID: " + id
                        + "\r\nMessage: Originate successfully queued\r\n\r\n");
                // the answers Asterisk 22 gives (manager.c); an empty family answers DBDelTree with an error
                case "dbput" -> write("Response: Success\r\nActionID: " + id + "\r\nMessage: Updated database successfully\r\n\r\n");
                case "dbdel" -> write("Response: Success\r\nActionID: " + id + "\r\nMessage: Key deleted successfully\r\n\r\n");
                case "dbdeltree" -> write(error(id, "Database entry not found"));
                default -> write(error(id, "Invalid/unknown command: " + name
                        + ". Use Action: ListCommands to show available commands."));
            }
        }

        private void login(Map<String, String> action, String id) {
            if (!refuseLogins && md5(CHALLENGE + secret).equals(action.get("Key"))) {
                loggedIn = true;
                current = this;
                logins.incrementAndGet();
                write(captured("1868712311_1", id));
            } else {
                write(error(id, "Authentication failed"));
                close();
            }
        }

        /** Shapes from ami-queuestatus.txt ("coreshowchannels-answered-waiting"). */
        private void showChannels(String id) {
            String capture = "ami-queuestatus.txt";
            String template = Transcript.amiMessages(capture).stream()
                    .filter(m -> m.startsWith("Event: CoreShowChannel\r\n")).findFirst().orElseThrow();
            StringBuilder reply = new StringBuilder("Response: Success\r\nActionID: " + id
                    + "\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n");
            for (String channel : liveChannels) {
                String bridge = bridgedChannels.contains(channel) ? "9a1b2c3d-0000-4000-8000-000000000001" : "";
                reply.append(template.replaceFirst("ActionID: [^\r]*", "ActionID: " + id)
                        .replaceFirst("\r\nChannel: [^\r]*", "\r\nChannel: " + channel)
                        .replaceFirst("\r\nBridgeId: [^\r]*", "\r\nBridgeId: " + bridge));
            }
            reply.append("Event: CoreShowChannelsComplete\r\nActionID: ").append(id)
                    .append("\r\nEventList: Complete\r\nListItems: ").append(liveChannels.size()).append("\r\n\r\n");
            write(reply.toString());
        }

        /**
         * As res_pjsip's ami_show_contacts (pjsip_options.c) writes it: an error when no contact exists at all,
         * otherwise a ContactList per contact (its sorcery fields, then Status and RoundtripUsec) and the completion.
         */
        private void showContacts(String id) {
            if (contacts.isEmpty()) {
                write("Response: Error\r\nActionID: " + id + "\r\nMessage: No Contacts found\n\r\n\r\n");
                return;
            }
            StringBuilder reply = new StringBuilder("Response: Success\r\nActionID: " + id
                    + "\r\nEventList: start\r\nMessage: A listing of Contacts follows, presented as ContactList events\r\n\r\n");
            contacts.forEach((aor, status) -> reply.append("Event: ContactList\r\nActionID: ").append(id)
                    .append("\r\nObjectType: contact\r\nObjectName: ").append(aor).append(";@4c0b6ff2e5b9b5cf9a6e5a1d0e2bd5f4")
                    .append("\r\nViaAddr: 127.0.0.1\r\nQualifyTimeout: 3.000000\r\nCallId: 9bq2cs3q5dd4nqp0qjvd")
                    .append("\r\nRegServer: \r\nPruneOnBoot: no\r\nPath: \r\nEndpoint: ").append(aor)
                    .append("\r\nViaPort: 0\r\nAuthenticateQualify: no\r\nUri: sip:3l1qcnhh@7pn6fqi9cs2k.invalid;transport=ws")
                    .append("\r\nQualifyFrequency: 30\r\nUserAgent: JsSIP 3.10.1\r\nExpirationTime: 1796233343")
                    .append("\r\nOutboundProxy: \r\nQualify2xxOnly: false\r\nStatus: ").append(status)
                    .append("\r\nRoundtripUsec: N/A\r\n\r\n"));
            reply.append("Event: ContactListComplete\r\nActionID: ").append(id)
                    .append("\r\nEventList: Complete\r\nListItems: ").append(contacts.size()).append("\r\n\r\n");
            write(reply.toString());
        }

        private String captured(String captureId, String id) {
            return Transcript.amiResponse(LOGIN_CAPTURE, captureId).replace("ActionID: " + captureId, "ActionID: " + id);
        }

        private static String error(String id, String message) {
            return "Response: Error\r\nActionID: " + id + "\r\nMessage: " + message + "\r\n\r\n";
        }

        synchronized void write(String text) {
            try {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                close();
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }

    /** Asterisk reads header names in any case (Asterisk-Java writes some in lower case). */
    private static Map<String, String> headers() {
        return new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
