package org.helpline.supervision;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.BrowserPhoneSender;
import org.helpline.core.Addresses;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.HelplineEvent.UrgentContactWaiting;
import org.helpline.wire.JsonSocket;
import org.helpline.wire.SocketLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open supervisor view, and the one place that turns the router's events into their stream: a snapshot
 * when a view connects, then updates with only what changed. Updates are coalesced: each goes to every view
 * at once, at most one per update interval, and a change waits at most that long (an isolated change goes out
 * after a short gathering pause, so the events of one command travel together). Runs on the context of the
 * verticle that serves the sockets.
 */
public final class SupervisorRoom {
    private static final Logger LOG = LoggerFactory.getLogger(SupervisorRoom.class);
    /** Events of one command arrive within a few milliseconds of each other: send them in one update. */
    private static final long GATHER_MILLIS = 25;

    private final Vertx vertx;
    private final Clock clock;
    private final SocketLimits limits;
    private final long intervalMillis;
    private final List<String> languages;
    private final Floor floor;
    private final SupervisionMetrics metrics;
    private final SupervisorActions actions;
    private final AuditLog audit;
    private final BrowserPhoneSender phones;
    private final Set<SupervisorSocket> sockets = new LinkedHashSet<>();
    private long flushTimer = -1;
    private long lastFlushNanos = System.nanoTime() - TimeUnit.HOURS.toNanos(1);

    public SupervisorRoom(Vertx vertx, Clock clock, ViewSettings settings, SocketLimits limits, MeterRegistry registry) {
        this.vertx = vertx;
        this.clock = clock;
        this.limits = limits;
        this.intervalMillis = settings.updateInterval().toMillis();
        this.languages = settings.languages();
        DailyFigures figures = new DailyFigures(clock, settings.openingHours().zone(), settings.serviceLevelThreshold());
        this.floor = new Floor(clock, settings.openingHours(), settings.longestWaitAlert(), figures);
        this.metrics = new SupervisionMetrics(registry, settings.serviceLevelThreshold());
        this.actions = new SupervisorActions(vertx, floor, settings.languages());
        this.audit = new AuditLog(clock);
        this.phones = BrowserPhoneSender.forSupervisors(vertx);
    }

    /** Subscribes to the router's events; call from the verticle that serves the sockets. */
    public Future<Void> start() {
        var contacts = vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> {
            floor.contactChanged(m.body()).ifPresent(metrics::count);
            changed();
        });
        var people = vertx.eventBus().<OperatorChanged>consumer(Addresses.OPERATOR_EVENTS, m -> {
            floor.operatorChanged(m.body().operator());
            changed();
        });
        var alerts = vertx.eventBus().<UrgentContactWaiting>consumer(Addresses.ALERTS, m -> {
            floor.urgentWaiting(m.body());
            changed();
        });
        var deliveries = vertx.eventBus().<JsonObject>consumer(Addresses.REFERRAL_DELIVERIES, m -> {
            floor.referralDelivery(m.body());
            changed();
        });
        var phoneLine = vertx.eventBus().<JsonObject>consumer(Addresses.PHONE_LINE, m -> {
            floor.phoneLine(m.body());
            changed();
        });
        // What the other rooms already knew when this one started (no answer: referral or telephony is off)
        vertx.eventBus().<JsonArray>request(Addresses.REFERRAL_DELIVERIES_ASK, null).onSuccess(m -> {
            m.body().forEach(d -> floor.referralDelivery((JsonObject) d));
            changed();
        });
        vertx.eventBus().<JsonObject>request(Addresses.PHONE_LINE_ASK, null).onSuccess(m -> {
            floor.phoneLine(m.body());
            changed();
        });
        // Time alone changes things too: a wait passes the threshold, midnight starts a new day, the line opens.
        vertx.setPeriodic(intervalMillis, id -> {
            if (floor.tick()) {
                changed();
            }
        });
        return Future.all(List.of(contacts.completion(), people.completion(), alerts.completion(), deliveries.completion(),
                phoneLine.completion())).mapEmpty();
    }

    /**
     * @param supervisor  the account's name
     * @param displayName the name operators see on a whisper or a line written in their chat
     * @param endpoint    the supervisor's phone for listening in: a desk phone's digits, {@code browser}, or null
     * @param watchOnly   a wallboard's view: the stream, and every request refused
     */
    public void attach(ServerWebSocket webSocket, String supervisor, String displayName, String endpoint, boolean watchOnly) {
        JsonSocket json = new JsonSocket(webSocket, limits, clock);
        SupervisorPhone phone = new SupervisorPhone(phones, supervisor, watchOnly ? null : endpoint);
        JsonObject me = new JsonObject().put("name", supervisor).put("canListen", phone.any()).put("browserPhone", phone.inBrowser())
                .put("watchOnly", watchOnly);
        SupervisorSocket socket = new SupervisorSocket(webSocket, json, supervisor, displayName, watchOnly, phone, actions, audit,
                () -> floor.snapshot().put("me", me).put("languages", new JsonArray(languages))
                        .put("updateIntervalMillis", intervalMillis));
        sockets.add(socket);
        json.onMessage(socket::receive);
        json.onClose(() -> {
            sockets.remove(socket);
            // the browser phone dies with its view: closed, reloaded or logged out
            socket.closed().onFailure(e -> LOG.warn("supervision.phone.revoke.failed supervisor={} reason={}", supervisor,
                    e.getMessage()));
            LOG.info("supervision.closed supervisor={} open={}", supervisor, sockets.size());
        });
        socket.sendSnapshot();
        LOG.info("supervision.connected supervisor={} open={}", supervisor, sockets.size());
    }

    private void changed() {
        if (flushTimer != -1) {
            return;
        }
        long sinceLast = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastFlushNanos);
        long delay = Math.max(GATHER_MILLIS, intervalMillis - sinceLast);
        flushTimer = vertx.setTimer(delay, id -> {
            flushTimer = -1;
            flush();
        });
    }

    private void flush() {
        lastFlushNanos = System.nanoTime();
        JsonObject update = floor.update();
        metrics.show(floor.tallies(), floor.sentAlerts());
        if (update == null || sockets.isEmpty()) {
            return;
        }
        String encoded = update.encode();
        sockets.forEach(s -> s.sendUpdate(encoded));
    }
}
