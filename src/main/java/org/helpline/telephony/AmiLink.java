package org.helpline.telephony;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.TimeoutException;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.PJSipShowContactsAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.event.ContactList;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.helpline.config.TelephonyConfig.AmiConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AMI session, kept alive for as long as the server runs. One virtual thread logs in, pings, and
 * when the session fails (refused, bad secret, silent link, Asterisk restart) retires it and tries
 * again after a growing pause. Actions run on virtual threads of their own.
 */
final class AmiLink {
    private static final Logger LOG = LoggerFactory.getLogger(AmiLink.class);
    /** Hangup, DialEnd, BridgeEnter/Leave are in the "call" class, ContactStatus in "system"; action replies need none. */
    private static final String EVENT_MASK = "call,system";
    static final String CONNECT_CONTEXT = "helpline-connect";
    private static final long LIST_TIMEOUT_MILLIS = 10_000;
    static final String SPY_APPLICATION = "ChanSpy";
    /** What the supervisor's phone shows: never anything of the caller. */
    static final String SPY_CALLER_ID = "Helpline listen-in";
    private static final long SPY_RING_MILLIS = 30_000;

    private final AmiConfig config;
    private final Context context;
    private final Consumer<AmiEvent> room;
    private volatile TelephonyStatus status;
    private volatile RetirableConnection current;
    private volatile boolean stopping;
    private Thread loop;

    AmiLink(AmiConfig config, Context context, Consumer<AmiEvent> room) {
        this.config = config;
        this.context = context;
        this.room = room;
        this.status = TelephonyStatus.down("connecting to " + address());
    }

    void start() {
        loop = Thread.ofVirtual().name("helpline-ami").start(this::run);
    }

    TelephonyStatus status() {
        return status;
    }

    boolean connected() {
        return current != null;
    }

    /** Sends the caller's channel to the operator's phone (docs/telephony.md, Connect). */
    Future<Void> redirect(String channel, String endpoint) {
        return Blocking.onVirtualThread(context, "helpline-ami-redirect", () -> {
            ManagerResponse response = liveSession().sendAction(new RedirectAction(channel, CONNECT_CONTEXT, endpoint, 1));
            if (response instanceof ManagerError error) {
                throw new AmiActionFailed(error.getMessage());
            }
            return null;
        });
    }

    /**
     * Rings the supervisor's phone and, once answered, runs ChanSpy on the call (docs/telephony.md,
     * Listening in). Async: Asterisk answers at once, before the phone rings.
     */
    Future<Void> spy(String endpoint, String spyData) {
        return Blocking.onVirtualThread(context, "helpline-ami-spy", () -> {
            OriginateAction originate = new OriginateAction();
            originate.setChannel("PJSIP/" + endpoint);
            originate.setApplication(SPY_APPLICATION);
            originate.setData(spyData);
            originate.setCallerId(SPY_CALLER_ID);
            originate.setTimeout(SPY_RING_MILLIS);
            originate.setAsync(true);
            ManagerResponse response = liveSession().sendAction(originate);
            if (response instanceof ManagerError error) {
                throw new AmiActionFailed(error.getMessage());
            }
            return null;
        });
    }

    /** Sends one action whose answer is only success or an error (DBPut, DBDel, ...). */
    Future<Void> send(ManagerAction action) {
        return Blocking.onVirtualThread(context, "helpline-ami-" + action.getAction().toLowerCase(java.util.Locale.ROOT), () -> {
            ManagerResponse response = liveSession().sendAction(action);
            if (response == null || response instanceof ManagerError) {
                throw new AmiActionFailed(response == null ? "no answer" : response.getMessage());
            }
            return null;
        });
    }

    /** The channels Asterisk has now. */
    Future<List<LiveChannel>> liveChannels() {
        return Blocking.onVirtualThread(context, "helpline-ami-channels", () -> {
            ResponseEvents answer = liveSession().sendEventGeneratingAction(new CoreShowChannelsAction(),
                    LIST_TIMEOUT_MILLIS);
            if (answer.getResponse() instanceof ManagerError error) {
                throw new AmiActionFailed(error.getMessage());
            }
            return answer.getEvents().stream()
                    .filter(CoreShowChannelEvent.class::isInstance)
                    .map(CoreShowChannelEvent.class::cast)
                    .map(e -> new LiveChannel(e.getChannel(), e.getContext(),
                            e.getBridgeid() != null && !e.getBridgeid().isBlank()))
                    .toList();
        });
    }

    /**
     * Every registration (contact) of every phone Asterisk has now (PJSIPShowContacts), shaped as the ContactStatus
     * event that would have announced it. Asterisk answers "No Contacts found" when no phone is registered at all.
     */
    Future<List<AmiEvent.PhoneContact>> phoneContacts() {
        return Blocking.onVirtualThread(context, "helpline-ami-contacts", () -> {
            ResponseEvents answer = liveSession().sendEventGeneratingAction(new PJSipShowContactsAction(),
                    LIST_TIMEOUT_MILLIS);
            if (answer.getResponse() instanceof ManagerError error) {
                if (error.getMessage() != null && error.getMessage().contains("No Contacts found")) {
                    return List.<AmiEvent.PhoneContact>of();
                }
                throw new AmiActionFailed(error.getMessage());
            }
            return answer.getEvents().stream()
                    .filter(ContactList.class::isInstance)
                    .map(ContactList.class::cast)
                    .filter(c -> c.getObjectname() != null && c.getUri() != null && c.getStatus() != null)
                    .map(c -> new AmiEvent.PhoneContact(aorOf(c.getObjectname()), c.getUri(), switch (c.getStatus()) {
                        case REACHABLE -> "Reachable";
                        case UNREACHABLE -> "Unreachable";
                        case NONQUALIFIED -> "NonQualified";
                        case UNKNOWN -> "Unknown";
                    }))
                    .toList();
        });
    }

    /** A contact's object name is {@code <aor>;@<hash of its URI>}. */
    private static String aorOf(String contactName) {
        int end = contactName.indexOf(";@");
        return end < 0 ? contactName : contactName.substring(0, end);
    }

    /** Logs off and stops reconnecting; completes once the session thread has ended. */
    Future<Void> stop() {
        stopping = true;
        Promise<Void> stopped = Promise.promise();
        Thread.ofVirtual().name("helpline-ami-stop").start(() -> {
            if (loop != null) {
                loop.interrupt();
                try {
                    loop.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            stopped.complete();
        });
        return stopped.future();
    }

    private RetirableConnection liveSession() {
        RetirableConnection connection = current;
        if (connection == null) {
            throw AmiActionFailed.noSession(address());
        }
        return connection;
    }

    private void run() {
        Backoff backoff = new Backoff(config.retryMin(), config.retryMax());
        while (!stopping) {
            String problem = runSession(backoff);
            if (stopping) {
                break;
            }
            Duration pause = backoff.next();
            status = TelephonyStatus.down(problem + "; retrying in " + Backoff.describe(pause));
            LOG.warn("telephony.ami.down reason=\"{}\" retryIn={}", problem, Backoff.describe(pause));
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                break;
            }
        }
        status = TelephonyStatus.down("stopped");
    }

    /** One session from login to loss; returns why it could not start or ended. */
    private String runSession(Backoff backoff) {
        RetirableConnection connection = new RetirableConnection(config);
        CountDownLatch lost = new CountDownLatch(1);
        connection.addEventListener(new AmiListener(context, room, lost::countDown));
        Asterisk22Events.ALL.forEach(connection::registerUserEventClass);
        try {
            connection.login(EVENT_MASK);
            current = connection;
            backoff.reset();
            status = TelephonyStatus.ok();
            LOG.info("telephony.ami.connected address={} user={}", address(), config.username());
            context.runOnContext(v -> room.accept(new AmiEvent.Connected()));
            keepAlive(connection, lost);
            return "connection to " + address() + " lost";
        } catch (AuthenticationFailedException e) {
            return "authentication failed for user " + config.username();
        } catch (IOException e) {
            return "cannot connect to " + address() + ": " + describe(e);
        } catch (TimeoutException e) {
            return "no answer from " + address() + ": " + describe(e);
        } catch (IllegalStateException e) {
            return "AMI session with " + address() + " failed: " + describe(e);
        } finally {
            current = null;
            Thread.interrupted(); // a stop() interrupt must not cut the logoff short
            connection.retire();
        }
    }

    /** Pings every interval so that the socket read timeout only fires on a dead link. */
    private void keepAlive(RetirableConnection connection, CountDownLatch lost) {
        long every = config.pingInterval().toMillis();
        try {
            while (!stopping && !lost.await(every, TimeUnit.MILLISECONDS)) {
                connection.sendAction(new PingAction(), null);
            }
        } catch (InterruptedException stopped) {
            // stop(): runSession() logs off
        } catch (IOException | IllegalStateException e) {
            LOG.debug("telephony.ami.ping.failed reason=\"{}\"", describe(e));
        }
    }

    private String address() {
        return config.host() + ":" + config.port();
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
