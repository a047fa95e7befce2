package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.testing.Eventually;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;

/**
 * The helpline server with telephony on, wired to one {@link RealAsterisk}: operators ana (phone 2001)
 * and bogdan (phone 2002), both Romanian and English, wrap-up 1 s; the line open all week. Records every contact
 * event the server publishes.
 */
final class RealLine implements AutoCloseable {
    static final String OPEN_ALL_WEEK = """
              openingHours:
                zone: Europe/Bucharest
                weekly: { monday: "00:00-24:00", tuesday: "00:00-24:00", wednesday: "00:00-24:00", thursday: "00:00-24:00",
                          friday: "00:00-24:00", saturday: "00:00-24:00", sunday: "00:00-24:00" }
            """;

    final int agiPort;
    final int amiPort;
    private final Path dir;
    private final String storeYaml;
    private final List<ContactChanged> events = new CopyOnWriteArrayList<>();
    private TestServer server;
    private int starts;

    RealLine(Path dir, int agiPort, int amiPort) {
        this(dir, agiPort, amiPort, "");
    }

    /** With {@code storeYaml} added to the configuration: a Redis store keeps the queue over a restart. */
    RealLine(Path dir, int agiPort, int amiPort, String storeYaml) {
        this.dir = dir;
        this.storeYaml = storeYaml;
        this.agiPort = agiPort;
        this.amiPort = amiPort;
    }

    /** Starts (or starts again, on the same ports) the server and waits for its AMI session. */
    RealLine start() {
        starts++;
        Path accounts;
        try {
            accounts = Files.createDirectories(dir.resolve("start-" + starts)); // the accounts are written afresh
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = TestServer.withTelephony(accounts, Clock.systemUTC(), agiPort, amiPort, RealAsterisk.AMI_PASSWORD,
                OPEN_ALL_WEEK, ", wrapUpTime: 1s", storeYaml, List.of(TestServer.callOperator("ana", "2001", "ro", "en"),
                        TestServer.callOperator("bogdan", "2002", "ro", "en")));
        server.vertx().eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> events.add(m.body()))
                .completion().await();
        awaitLinksUp(server);
        return this;
    }

    /** Waits until the server's AMI and AGI links are up: its {@code /health} says UP. */
    static void awaitLinksUp(TestServer server) {
        Eventually.until(() -> server.get("/health").bodyAsJsonObject().getString("status").equals("UP"),
                "the server's AMI and AGI links up", RealAsterisk.CALLS);
    }

    TestServer server() {
        return server;
    }

    /** An operator opens the console and becomes available; the socket stays open. */
    SocketProbe available(String operator) {
        SocketProbe console = server.console(operator);
        console.next("welcome");
        console.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 1));
        console.next("ack");
        return console;
    }

    /** Signed in but not taking calls now: the line is open, callers wait. */
    SocketProbe paused(String operator) {
        SocketProbe console = server.console(operator);
        console.next("welcome");
        console.send(new JsonObject().put("type", "presence").put("presence", "paused").put("reason", "break").put("id", 1));
        console.next("ack");
        return console;
    }

    void presence(SocketProbe console, String presence) {
        JsonObject message = new JsonObject().put("type", "presence").put("presence", presence).put("id", 2);
        if (presence.equals("paused")) {
            message.put("reason", "break");
        }
        console.send(message);
    }

    /** Waits for the first contact event (since {@code from}) that matches, and returns it. */
    ContactChanged await(int from, Predicate<ContactChanged> wanted, String what) {
        Eventually.until(() -> events.stream().skip(from).anyMatch(wanted), what + "; events: " + summary(from),
                RealAsterisk.CALLS);
        return events.stream().skip(from).filter(wanted).findFirst().orElseThrow();
    }

    ContactChanged await(int from, String contactId, ContactState state) {
        return await(from, c -> c.contact().id().equals(contactId) && c.contact().state() == state,
                "contact " + contactId + " " + state);
    }

    /** The next new call's contact, from {@code from}. */
    Contact newCall(int from) {
        return await(from, c -> c.reason() == ChangeReason.NEW, "a new call").contact();
    }

    /** The first {@code count} new calls since {@code from}, in order. */
    List<Contact> newCalls(int from, int count) {
        Eventually.until(() -> events.stream().skip(from).filter(c -> c.reason() == ChangeReason.NEW).count() >= count,
                count + " new calls; events: " + summary(from), RealAsterisk.CALLS);
        return events.stream().skip(from).filter(c -> c.reason() == ChangeReason.NEW).limit(count).map(ContactChanged::contact)
                .toList();
    }

    List<ContactChanged> eventsSince(int from) {
        return events.stream().skip(from).toList();
    }

    List<ContactChanged> events(String contactId) {
        return events.stream().filter(c -> c.contact().id().equals(contactId)).toList();
    }

    int mark() {
        return events.size();
    }

    private String summary(int from) {
        return events.stream().skip(from).map(c -> c.contact().id().substring(0, 8) + ":" + c.reason() + ":" + c.contact().state())
                .toList().toString();
    }

    /**
     * Stops the server: its FastAGI port closes and its AMI session ends, as when the process is gone.
     * (An in-process crash would leave Asterisk-Java's own threads answering.)
     */
    void stop() {
        server.stop();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
