package org.helpline.console;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.ChatJson;
import org.helpline.bus.BrowserPhoneSender;
import org.helpline.bus.ChatSender;
import org.helpline.bus.CommandSender;
import org.helpline.core.Addresses;
import org.helpline.core.ChatEvent;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.Operator;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.wire.JsonSocket;
import org.helpline.wire.SocketLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every open operator console in this verticle, and the one place that routes events to them: a
 * contact's events go to the operator it was offered to until it leaves their hands (including the
 * requeue that withdraws an offer). An available operator with no console open (the last one closed,
 * or none came back after a restart) is paused once the grace period passes, so no caller waits on an
 * offer nobody can see. A call's caller history ("called before: yes or no", when repeat-caller detection
 * is on) goes to the operator who is offered or holds the call, whether the offer or the desk's answer came first.
 */
public final class OperatorConsole {
    static final String DISCONNECTED_REASON = "console disconnected";
    private static final Logger LOG = LoggerFactory.getLogger(OperatorConsole.class);

    private final Vertx vertx;
    private final CommandSender commands;
    private final ChatSender chat;
    private final BrowserPhoneSender phones;
    private final Clock clock;
    private final List<String> outcomes;
    private final SocketLimits limits;
    private final Duration disconnectGrace;
    private final Map<String, Set<OperatorSocket>> sockets = new HashMap<>();
    private final Map<String, String> holderOf = new HashMap<>();
    private final Map<String, Operator> operators = new HashMap<>();
    private final Set<String> graceRunning = new HashSet<>();

    public OperatorConsole(Vertx vertx, Clock clock, List<String> outcomes, SocketLimits limits,
                           Duration disconnectGrace) {
        this.vertx = vertx;
        this.commands = new CommandSender(vertx);
        this.chat = new ChatSender(vertx);
        this.phones = BrowserPhoneSender.forOperators(vertx);
        this.clock = clock;
        this.outcomes = List.copyOf(outcomes);
        this.limits = limits;
        this.disconnectGrace = disconnectGrace;
    }

    /** Subscribes to the router's events; call from the verticle that serves the sockets. */
    public Future<Void> start() {
        var contacts = vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> contactChanged(m.body()));
        var people = vertx.eventBus().<OperatorChanged>consumer(Addresses.OPERATOR_EVENTS, m -> operatorChanged(m.body()));
        var chats = vertx.eventBus().<ChatEvent>consumer(Addresses.CHAT_EVENTS, m -> chatEvent(m.body()));
        var histories = vertx.eventBus().<JsonObject>consumer(Addresses.CALLER_HISTORY, m -> callerHistory(m.body()));
        var registrations = vertx.eventBus().<JsonObject>consumer(Addresses.BROWSER_PHONE_EVENTS, m -> phoneRegistration(m.body()));
        return Future.all(contacts.completion(), people.completion(), chats.completion(), histories.completion(),
                registrations.completion()).mapEmpty();
    }

    /** @param displayName what callers see of this operator in a chat: their account's first name or alias */
    public void attach(ServerWebSocket webSocket, OperatorProfile profile, String displayName) {
        JsonSocket json = new JsonSocket(webSocket, limits, clock);
        OperatorSocket socket = new OperatorSocket(json, profile, commands, chat, phones, clock, outcomes);
        chat.consoleOpened(profile.id(), displayName);
        sockets.computeIfAbsent(profile.id(), id -> new LinkedHashSet<>()).add(socket);
        json.onMessage(socket::receive);
        json.onClose(() -> detach(socket, profile));
        commands.work(profile.id()).onComplete(work -> {
            if (work.succeeded()) {
                work.result().contacts().forEach(c -> holderOf.put(c.id(), profile.id()));
                if (work.result().operator() != null) {
                    operators.put(profile.id(), work.result().operator());
                }
                socket.welcome(work.result());
                sendTranscripts(socket, work.result().contacts());
                work.result().contacts().forEach(this::askHistory);
            } else {
                json.close(JsonSocket.POLICY_VIOLATION, "server not ready");
            }
        });
        LOG.info("console.connected operator={}", profile.id());
    }

    /** After the welcome, each open chat in the operator's hands as it stands, so a reloaded console shows it. */
    private void sendTranscripts(OperatorSocket socket, List<Contact> held) {
        for (Contact contact : held) {
            if (contact.channel() == Channel.CHAT
                    && (contact.state() == ContactState.CONNECTED || contact.state() == ContactState.WRAP_UP)) {
                chat.transcript(socket.operatorId(), contact.id())
                        .onSuccess(transcript -> socket.chat(ChatJson.transcript(transcript)));
            }
        }
    }

    /** A chat's message goes only to the consoles of the operator who holds it. */
    private void chatEvent(ChatEvent event) {
        if (event.operatorId().equals(holderOf.get(event.contactId()))) {
            sockets.getOrDefault(event.operatorId(), Set.of()).forEach(s -> s.chat(ChatJson.of(event)));
        }
    }

    /** Asterisk dropped a browser phone's registration, or has one again: the console holding that phone hears it. */
    private void phoneRegistration(JsonObject registration) {
        String operatorId = registration.getString("operatorId");
        sockets.getOrDefault(operatorId, Set.of()).forEach(s -> s.phoneRegistered(registration.getString("endpoint"),
                registration.getBoolean("registered")).onFailure(e -> LOG.warn("console.phone.registration.failed operator={} reason=\"{}\"",
                operatorId, e.getMessage())));
    }

    /** Published once per call, maybe before it is offered to anyone: then {@link #askHistory} finds it. */
    private void callerHistory(JsonObject history) {
        String holder = holderOf.get(history.getString("contactId"));
        if (holder != null && history.containsKey("calledBefore")) {
            sockets.getOrDefault(holder, Set.of()).forEach(s -> s.callerHistory(history));
        }
    }

    /** Asks the repeat-caller desk about a call; no answer when detection is off (no desk) or nothing is known. */
    private void askHistory(Contact contact) {
        if (contact.channel() == Channel.CALL) {
            vertx.eventBus().<JsonObject>request(Addresses.CALLER_HISTORY_ASK, new JsonObject().put("contactId", contact.id()))
                    .onSuccess(reply -> callerHistory(reply.body()));
        }
    }

    private void detach(OperatorSocket socket, OperatorProfile profile) {
        chat.consoleClosed(profile.id());
        // the browser phone dies with its console: closed, reloaded or logged out
        socket.closePhone().onFailure(e -> LOG.warn("console.phone.revoke.failed operator={} reason={}",
                profile.id(), e.getMessage()));
        Set<OperatorSocket> open = sockets.get(profile.id());
        if (open != null && open.remove(socket) && open.isEmpty()) {
            sockets.remove(profile.id());
            startGrace(profile.id());
        }
        LOG.info("console.closed operator={}", profile.id());
    }

    private void startGrace(String operatorId) {
        if (graceRunning.add(operatorId)) {
            vertx.setTimer(disconnectGrace.toMillis(), id -> {
                graceRunning.remove(operatorId);
                pauseIfStillGone(operatorId);
            });
        }
    }

    private void pauseIfStillGone(String operatorId) {
        Operator known = operators.get(operatorId);
        if (sockets.containsKey(operatorId) || known == null || known.presence() != Presence.AVAILABLE) {
            return;
        }
        LOG.info("console.pausing operator={} reason=no_console", operatorId);
        commands.operator(new Command.SetPresence(known.profile(), Presence.PAUSED, DISCONNECTED_REASON))
                .onFailure(e -> LOG.warn("console.pause.failed operator={} reason={}", operatorId, e.getMessage()));
    }

    private void contactChanged(ContactChanged change) {
        Contact contact = change.contact();
        String holder = contact.operatorId() != null ? contact.operatorId() : holderOf.get(contact.id());
        if (holder == null) {
            return;
        }
        boolean stillHeld = contact.operatorId() != null && !contact.state().isFinal()
                && contact.state() != ContactState.QUEUED;
        if (stillHeld) {
            holderOf.put(contact.id(), holder);
        } else {
            holderOf.remove(contact.id());
        }
        sockets.getOrDefault(holder, Set.of()).forEach(s -> s.contactChanged(change));
        if (contact.state() == ContactState.OFFERED) {
            askHistory(contact);
        }
    }

    private void operatorChanged(OperatorChanged change) {
        Operator operator = change.operator();
        operators.put(operator.id(), operator);
        if (operator.presence() == Presence.AVAILABLE && !sockets.containsKey(operator.id())) {
            startGrace(operator.id());
        }
        sockets.getOrDefault(operator.id(), Set.of()).forEach(s -> s.operatorChanged(operator, change.reason()));
    }
}
