package org.helpline.telephony;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.asteriskjava.fastagi.AgiScript;
import org.helpline.config.HelplineConfig;
import org.helpline.config.TelephonyConfig;

/**
 * The telephony gateway as the server sees it: start, health, stop. Start it before the dispatch so
 * that it hears the operators and calls the dispatch restores.
 */
public final class Telephony {
    private static final TelephonyStatus SWITCHED_OFF = TelephonyStatus.down("switched off (telephony.enabled: false)");

    private final Vertx vertx;
    private final CallControl calls;
    private final ScriptServer scripts;
    private final OperatorRoster roster;
    private final String deployment;
    private final PhoneLineWatch watch;

    private Telephony(Vertx vertx, CallControl calls, ScriptServer scripts, OperatorRoster roster, String deployment,
                      PhoneLineWatch watch) {
        this.vertx = vertx;
        this.calls = calls;
        this.scripts = scripts;
        this.roster = roster;
        this.deployment = deployment;
        this.watch = watch;
    }

    /**
     * Starts the FastAGI server and the AMI link. Succeeds while Asterisk is unreachable or the AGI port
     * is taken: both keep retrying, and {@link #ami()} and {@link #agi()} say why they are down.
     */
    public static Future<Telephony> start(Vertx vertx, HelplineConfig config, Clock clock, MeterRegistry metrics) {
        TelephonyConfig telephony = config.telephony();
        if (!telephony.enabled()) {
            return Future.succeededFuture(new Telephony(vertx, null, null, null, null, null));
        }
        OperatorRoster roster = new OperatorRoster();
        Callers callers = new Callers();
        QueueView queue = new QueueView();
        CallControl calls = new CallControl(telephony, callers, queue, roster, clock);
        return vertx.deployVerticle(calls).compose(deployment -> {
            // the scripts' commands leave from the room's context, where the replies and the calls' events meet
            ScriptCommands commands = new ScriptCommands(vertx, calls.context(), telephony.agi().replyTimeout());
            AgiAnswers answers = new AgiAnswers(metrics, clock);
            Map<String, AgiScript> scripts = Map.of(
                    "inbound", new InboundScript(commands, roster, telephony.openingHours().hours(), clock, config.languages(),
                            () -> calls.amiStatus().up(), CallerIds.of(vertx, telephony.repeatCallers()), callers, answers),
                    "position", new PositionScript(commands, queue, roster, telephony.averageCallTime(), answers),
                    "duress", new DuressScript(commands, callers, answers),
                    "phone-lost", new PhoneLostScript(commands, callers, answers));
            ScriptServer server = new ScriptServer(telephony.agi(), scripts, telephony.ami().retryMin(),
                    telephony.ami().retryMax());
            try {
                server.start();
            } catch (IOException e) {
                return vertx.undeploy(deployment).transform(undeployed -> Future.failedFuture(
                        new IllegalStateException("telephony.agi.bindAddress: " + e.getMessage(), e)));
            }
            Gauge.builder("helpline_telephony_up", () -> calls.amiStatus().up() ? 1 : 0)
                    .description("1 while the link with Asterisk is up").tags("link", "ami").register(metrics);
            Gauge.builder("helpline_telephony_up", () -> server.status().up() ? 1 : 0)
                    .description("1 while the link with Asterisk is up").tags("link", "agi").register(metrics);
            PhoneLineWatch watch = new PhoneLineWatch(vertx, calls::amiStatus, server::status, answers);
            return watch.start().map(v -> new Telephony(vertx, calls, server, roster, deployment, watch));
        });
    }

    /** The AMI link: up once logged in. */
    public TelephonyStatus ami() {
        return calls == null ? SWITCHED_OFF : calls.amiStatus();
    }

    /** The FastAGI server: up while it listens. */
    public TelephonyStatus agi() {
        return scripts == null ? SWITCHED_OFF : scripts.status();
    }

    /** The operators as this room has heard of them (tests wait for it: events arrive after command replies). */
    OperatorRoster roster() {
        return roster;
    }

    /** Stops listening for AGI calls, logs off AMI and stops reconnecting. */
    public Future<Void> stop() {
        if (calls == null) {
            return Future.succeededFuture();
        }
        watch.stop();
        scripts.stop();
        return vertx.undeploy(deployment);
    }
}
