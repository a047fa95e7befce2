package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.helpline.bus.CommandSender;
import org.helpline.bus.CoreCodecs;
import org.helpline.config.ConfigLoader;
import org.helpline.config.HelplineConfig;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.core.Router;
import org.helpline.dispatch.DispatchVerticle;
import org.helpline.store.MemoryStore;

/**
 * The telephony room with the real dispatch (router and memory store) behind it, in process, on free
 * ports, against a {@link TestAmi}. Blocking helpers: call them from the test thread.
 */
final class TelephonyRoom implements AutoCloseable {
    static final String CALLER = "PJSIP/sipp-00000000";
    private static final Duration WAIT = Duration.ofSeconds(5);

    final Vertx vertx;
    final TestAmi ami;
    final int agiPort;
    final Telephony telephony;
    /** What the room reports for /metrics. */
    final SimpleMeterRegistry metrics;
    final CommandSender commands;
    private final BlockingQueue<ContactChanged> changes;
    private final Map<String, String> newContactByChannel;
    private final List<ContactChanged> seen = new ArrayList<>();

    private TelephonyRoom(Vertx vertx, TestAmi ami, int agiPort, Telephony telephony, SimpleMeterRegistry metrics,
                          BlockingQueue<ContactChanged> changes, Map<String, String> newContactByChannel) {
        this.vertx = vertx;
        this.ami = ami;
        this.agiPort = agiPort;
        this.telephony = telephony;
        this.metrics = metrics;
        this.changes = changes;
        this.newContactByChannel = newContactByChannel;
        this.commands = new CommandSender(vertx);
    }

    /** With the dispatch; {@code telephonyYaml} adds settings under {@code telephony:} (indented 2). */
    static TelephonyRoom start(Vertx vertx, Clock clock, String telephonyYaml) {
        return start(vertx, clock, telephonyYaml, true, new TestAmi("secret"));
    }

    static TelephonyRoom start(Vertx vertx, Clock clock, String telephonyYaml, boolean withDispatch, TestAmi ami) {
        return start(vertx, clock, telephonyYaml, withDispatch, ami, true);
    }

    /** Without recording the contact changes tests wait for: only the server's own work, for a benchmark. */
    static TelephonyRoom startUnrecorded(Vertx vertx, Clock clock) {
        return start(vertx, clock, "", true, new TestAmi("secret"), false);
    }

    private static TelephonyRoom start(Vertx vertx, Clock clock, String telephonyYaml, boolean withDispatch, TestAmi ami,
                                       boolean recording) {
        int agiPort = freePort();
        HelplineConfig config = config(agiPort, ami.port(), telephonyYaml);
        CoreCodecs.register(vertx.eventBus());
        BlockingQueue<ContactChanged> changes = new LinkedBlockingQueue<>();
        Map<String, String> newContactByChannel = new ConcurrentHashMap<>();
        if (recording) {
            vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> {
                changes.add(m.body());
                if (m.body().reason() == ChangeReason.NEW && m.body().contact().channelRef() != null) {
                    newContactByChannel.put(m.body().contact().channelRef(), m.body().contact().id());
                }
            }).completion().await();
        }
        // before the dispatch, as in the server: it hears what the dispatch restores
        SimpleMeterRegistry metrics = new SimpleMeterRegistry();
        Telephony telephony = Telephony.start(vertx, config, clock, metrics).await();
        if (withDispatch) {
            vertx.deployVerticle(new DispatchVerticle(new Router(config.routing().rules(), clock), new MemoryStore(clock),
                    config.routing().tickInterval())).await();
        }
        return new TelephonyRoom(vertx, ami, agiPort, telephony, metrics, changes, newContactByChannel);
    }

    static HelplineConfig config(int agiPort, int amiPort, String telephonyYaml) {
        return config(agiPort, amiPort, "", telephonyYaml);
    }

    /** {@code amiSettings} are added inside {@code ami: { ... }}, e.g. {@code ", pingInterval: 200ms"}. */
    static HelplineConfig config(int agiPort, int amiPort, String amiSettings, String telephonyYaml) {
        String yaml = """
                routing: { tickInterval: 50ms }
                telephony:
                  agi: { port: %d }
                  ami: { port: %d, password: secret, retryMin: 50ms, retryMax: 200ms%s }
                %s
                """.formatted(agiPort, amiPort, amiSettings, telephonyYaml);
        return new ConfigLoader(name -> null).parse(yaml, "test");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the AMI session is logged in and the FastAGI server listens. */
    TelephonyRoom ready() {
        eventually(() -> telephony.ami().up() && telephony.agi().up(), "AMI and AGI up");
        return this;
    }

    /** An operator signs in with a phone (endpoint) taking calls in these languages. */
    void signIn(String operatorId, Presence presence, String endpoint, String... languages) {
        OperatorProfile profile = new OperatorProfile(operatorId, Set.of(languages), Set.of(Channel.CALL), 1, endpoint);
        commands.operator(new Command.SetPresence(profile, presence, presence == Presence.PAUSED ? "break" : null)).await();
        // the dispatch replies before the room has heard the event: wait for the room too
        eventually(() -> telephony.roster().operator(operatorId)
                .filter(o -> o.presence() == presence && o.profile().equals(profile)).isPresent(), operatorId + " heard of");
    }

    AgiCall call(String script, String channel, String... args) {
        return AgiCall.place(agiPort, script, channel, args);
    }

    /** A caller on {@code channel} goes through the inbound script and holds; returns their contact id. */
    String holding(String channel, String language) {
        return holding(channel, () -> AgiCall.place(agiPort, "inbound", channel, language, "normal"));
    }

    /** The same, from {@code callerId} (agi_callerid). */
    String holdingFrom(String callerId, String channel, String language) {
        return holding(channel, () -> AgiCall.placeFrom(agiPort, callerId, "inbound", channel, language, "normal"));
    }

    private String holding(String channel, Supplier<AgiCall> placing) {
        newContactByChannel.remove(channel); // before the call: its contact may be new at once
        try (AgiCall call = placing.get()) {
            call.set("HELPLINE_ACTION", "hold").ends();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the dialplan is not told the contact's id: the server knows the caller by channel
        eventually(() -> newContactByChannel.containsKey(channel), "the new contact on " + channel);
        return newContactByChannel.get(channel);
    }

    /** The next contact change that matches, skipping others. */
    ContactChanged next(Predicate<ContactChanged> wanted, String what) {
        long giveUp = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                ContactChanged change = changes.poll(giveUp - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (change == null) {
                    throw new AssertionError("no contact change within " + WAIT.toSeconds() + " s: " + what + "; seen " + seen);
                }
                seen.add(change);
                if (wanted.test(change)) {
                    return change;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    ContactChanged next(String contactId, ContactState state) {
        return next(c -> c.contact().id().equals(contactId) && c.contact().state() == state, contactId + " " + state);
    }

    ContactChanged next(String contactId, ContactState state, ChangeReason reason) {
        return next(c -> c.contact().id().equals(contactId) && c.contact().state() == state && c.reason() == reason,
                contactId + " " + state + " " + reason);
    }

    /** How often the scripts gave this answer (helpline_agi_answers_total). */
    double answers(String script, String answer) {
        var counter = metrics.find("helpline_agi_answers_total").tags("script", script, "answer", answer).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The very next contact change, whatever it is. */
    ContactChanged next() {
        return next(c -> true, "any change");
    }

    static void eventually(BooleanSupplier condition, String what) {
        long giveUp = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > giveUp) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for: " + what);
            }
            try {
                Thread.sleep(10); // polling interval of a deadline, not a wait for something to happen
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws IOException {
        telephony.stop().await();
        ami.close();
    }
}
