package org.helpline.chat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.CommandSender;
import org.helpline.config.ChatConfig;
import org.helpline.core.Addresses;
import org.helpline.core.ChatLine.Speaker;
import org.helpline.core.ChatRequest;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.NewContact;
import org.helpline.core.OpeningHours;
import org.helpline.core.Priority;
import org.helpline.store.HelplineStore;
import org.helpline.wire.JsonSocket;
import org.helpline.wire.SocketLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every caller's chat in this server: what the callers' pages ask ({@link CallerRequest}), what the
 * router and the consoles say about their contacts ({@link ChatLifecycle}), and a periodic sweep that
 * lets go of callers gone longer than the reconnect window, deletes transcripts a window after their
 * conversation ended, renews the store's copy of open ones, and tells waiting callers where they are.
 * Never logs what anyone wrote, nor anything about the caller's connection.
 */
public final class ChatRoom {
    private static final Logger LOG = LoggerFactory.getLogger(ChatRoom.class);
    /** Refused messages in a row after which a caller's socket is closed. */
    private static final int STRIKES = 10;
    /** How far ahead the page lists the holidays the chat is closed on. */
    private static final int HOLIDAYS_AHEAD_DAYS = 14;

    private final Vertx vertx;
    private final Clock clock;
    private final ChatConfig config;
    private final List<String> languages;
    private final OpeningHours hours;
    private final SocketLimits limits;
    private final CommandSender commands;
    private final ChatArchive archive;
    private final Conversations conversations;
    private final ChatRoster roster = new ChatRoster();
    private final ConsoleRelay relay;
    private final MessageRecorder recorder;
    private final ChatSources sources;
    private final ChatLifecycle lifecycle;
    private final SecureRandom random = new SecureRandom();
    private final Heartbeat<CallerSocket> heartbeat = new Heartbeat<>(CallerSocket::heartbeat);

    /** @param durableStore whether {@code store} outlives the process (Redis): only then are open chats kept in it */
    public ChatRoom(Vertx vertx, Clock clock, ChatConfig config, List<String> languages, OpeningHours hours,
                    HelplineStore store, boolean durableStore) {
        this.vertx = vertx;
        this.clock = clock;
        this.config = config;
        this.languages = List.copyOf(languages);
        this.hours = hours;
        this.limits = new SocketLimits(config.maxMessageBytes(), config.rateLimit().burst(), config.rateLimit().perSecond(),
                STRIKES);
        this.commands = new CommandSender(vertx);
        this.sources = new ChatSources(clock, config.perSource(), config.trustedProxies());
        this.archive = new ChatArchive(store, clock, config.reconnectWindow(), durableStore);
        this.conversations = new Conversations(archive);
        this.recorder = new MessageRecorder(archive, this::released);
        this.relay = new ConsoleRelay(vertx, clock, conversations, recorder, roster, config.maxMessageBytes(),
                config.maxMessages());
        this.lifecycle = new ChatLifecycle(clock, config, commands, archive, conversations, roster, relay, recorder);
    }

    /** Subscribes to the router's events and the consoles' requests; call from the verticle that serves the sockets. */
    public Future<Void> start() {
        var requests = vertx.eventBus().<ChatRequest>consumer(Addresses.CHAT_REQUESTS, relay::receive);
        var contacts = vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> lifecycle.contactChanged(m.body()));
        var operators = vertx.eventBus().<OperatorChanged>consumer(Addresses.OPERATOR_EVENTS,
                m -> lifecycle.operatorChanged(m.body().operator()));
        vertx.setPeriodic(config.sweepInterval().toMillis(), id -> {
            lifecycle.sweep();
            sources.sweep();
        });
        vertx.setPeriodic(Math.max(1, config.heartbeat().toMillis() / Heartbeat.SLICES), id -> heartbeat.tick());
        return Future.all(requests.completion(), contacts.completion(), operators.completion()).mapEmpty();
    }

    /** What the page needs before it connects: {@code GET /chat/settings.json}. */
    public JsonObject settings() {
        return new JsonObject()
                .put("languages", languages)
                .put("quickExitUrl", config.quickExitUrl())
                .put("reconnectWindowSeconds", config.reconnectWindow().toSeconds())
                .put("maxMessageBytes", config.maxMessageBytes())
                .put("openingHours", openingHours());
    }

    /**
     * The weekly hours and the holidays of the next two weeks, for the page to say when to come back:
     * {"zone":…,"days":{"monday":["08:00-16:00"]},"closedOn":["2026-12-01"]}.
     */
    private JsonObject openingHours() {
        JsonObject days = new JsonObject();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours.Hours> stretches = hours.week().getOrDefault(day, List.of());
            if (!stretches.isEmpty()) {
                days.put(day.name().toLowerCase(Locale.ROOT), new JsonArray(stretches.stream()
                        .map(h -> h.opens() + "-" + (h.closes().equals(LocalTime.MIDNIGHT) ? "24:00" : h.closes().toString()))
                        .toList()));
            }
        }
        JsonArray closedOn = new JsonArray(hours.holidaysAhead(clock.instant(), HOLIDAYS_AHEAD_DAYS).stream()
                .map(LocalDate::toString).toList());
        return new JsonObject().put("zone", hours.zone().getId()).put("days", days).put("closedOn", closedOn);
    }

    public void attach(ServerWebSocket webSocket) {
        JsonSocket json = new JsonSocket(webSocket, limits, clock);
        CallerSocket caller = new CallerSocket(webSocket, json, sources.sourceOf(webSocket));
        heartbeat.add(caller);
        webSocket.exceptionHandler(e -> {
            // a broken connection is the caller's network, not the server's: it is closed, and may resume
        });
        json.onMessage(message -> receive(caller, message));
        // The caller is away from their close frame on (the connection itself may linger), or when it drops.
        webSocket.endHandler(v -> lifecycle.detached(caller));
        json.onClose(() -> {
            heartbeat.remove(caller);
            lifecycle.detached(caller);
        });
    }

    private void receive(CallerSocket caller, JsonObject message) {
        CallerRequest request = caller.parseOrRefuse(message, languages);
        if (request == null) {
            return;
        }
        switch (request) {
            case CallerRequest.Start start -> start(caller, start);
            case CallerRequest.Resume resume -> resume(caller, resume);
            case CallerRequest.Say say -> say(caller, say);
            case CallerRequest.Typing typing -> typing(caller);
            case CallerRequest.End end -> end(caller);
        }
    }

    private void start(CallerSocket caller, CallerRequest.Start start) {
        if (caller.session() != null && caller.session().isOpen()) {
            caller.refuse("wrong_state", "this connection already has a conversation", null);
            return;
        }
        Instant now = clock.instant();
        if (!hours.isOpenAt(now) || !roster.canServe(start.language())) {
            String reason = hours.isOpenAt(now) ? ChatLifecycle.NO_OPERATOR : "hours";
            LOG.info("chat.closed reason={} language={}", reason, start.language());
            caller.turnedAway(reason);
            return;
        }
        // Someone in danger now is never turned away by a cap: the operators must see them.
        if (!start.danger() && conversations.waiting() >= config.maxWaiting()) {
            LOG.warn("chat.closed reason=busy waiting={}", config.maxWaiting());
            caller.turnedAway(ChatLifecycle.BUSY);
            return;
        }
        if (!start.danger() && !sources.mayStart(caller.source(), conversations.waitingFrom(caller.source()))) {
            LOG.warn("chat.closed reason=busy limit=source"); // never the address itself
            caller.turnedAway(ChatLifecycle.BUSY);
            return;
        }
        lifecycle.detached(caller); // from a conversation that ended, if any
        ResumeToken token = ResumeToken.create(random);
        ChatSession session = new ChatSession(token.sessionId(), token.secretHash(), start.language(), start.topic(),
                start.danger(), now);
        session.source(caller.source());
        conversations.add(session);
        session.attach(caller);
        caller.session(session);
        // As with a message: the caller is told the chat started, and given the way back into it, only once the
        // store has it (session and contact); a crash before then leaves nothing anybody was promised. Recorded
        // before the contact exists, so a contact brought back by a restart always finds its chat.
        archive.save(session).onComplete(saved -> {
            if (saved.failed()) {
                notStarted(caller, session, "unrecorded");
            } else if (!session.isOpen() || session.caller() != caller) {
                conversations.forget(session); // ended or left before it was recorded: nobody knows of it
            } else {
                enqueue(caller, session, token, start);
            }
        });
    }

    private void enqueue(CallerSocket caller, ChatSession session, ResumeToken token, CallerRequest.Start start) {
        NewContact contact = new NewContact(Channel.CHAT, start.language(), start.topic(),
                start.danger() ? Priority.URGENT : Priority.NORMAL, session.id());
        commands.contact(new Command.Enqueue(contact)).onComplete(queued -> {
            if (queued.failed()) {
                notStarted(caller, session, queued.cause().getClass().getSimpleName());
                return;
            }
            lifecycle.knowContact(session, queued.result().id());
            // Written after the contact's record: Redis acknowledges writes in order, so this one means both are kept.
            archive.save(session).onComplete(saved -> told(caller, session, token, contact, saved.succeeded()));
        });
    }

    private void told(CallerSocket caller, ChatSession session, ResumeToken token, NewContact contact, boolean recorded) {
        if (!recorded) {
            lifecycle.leave(session);
            notStarted(caller, session, "unrecorded");
        } else if (!session.isOpen()) {
            lifecycle.leave(session); // the caller ended it before it was even queued
        } else if (session.caller() != caller) {
            lifecycle.leave(session); // gone before they had the token: nobody can come back to it
            conversations.forget(session);
        } else {
            caller.started(token, config.reconnectWindow().toSeconds());
            LOG.info("chat.started contact={} language={} topic={} priority={}", session.contactId(),
                    contact.language(), contact.topic(), contact.priority());
            lifecycle.tellPosition(session);
        }
    }

    /** The chat could not start (the store could not record it, the dispatch did not take it): the page asks again. */
    private void notStarted(CallerSocket caller, ChatSession session, String reason) {
        LOG.warn("chat.start.failed reason={} language={}", reason, session.language());
        conversations.forget(session); // its writes still waiting for Redis are replaced by the deletion
        if (caller.session() == session && session.isOpen()) {
            caller.session(null);
            caller.error("unavailable", "the chat cannot start right now; the page tries again by itself");
        }
    }

    private void resume(CallerSocket caller, CallerRequest.Resume resume) {
        ResumeToken token = ResumeToken.parse(resume.token());
        Future<ChatSession> found = token == null ? Future.succeededFuture() : conversations.find(token.sessionId());
        found.onComplete(lookup -> {
            ChatSession session = lookup.succeeded() ? lookup.result() : null;
            if (session == null || !token.matches(session.tokenHash())) {
                caller.error("unknown_chat", "this conversation has ended or cannot be found; you can start a new one");
                return;
            }
            lifecycle.detached(caller);
            CallerSocket previous = session.caller();
            if (previous != null && previous != caller) {
                previous.replaced();
            }
            session.attach(caller);
            caller.session(session);
            caller.resumed(session, resume.after());
            LOG.info("chat.resumed contact={} state={}", session.contactId(), session.state());
            lifecycle.reattached(session);
            if (session.state() == ChatSession.State.WAITING) {
                session.forgetPosition();
                lifecycle.tellPosition(session);
            }
        });
    }

    private void say(CallerSocket caller, CallerRequest.Say say) {
        ChatSession session = caller.session();
        if (session == null || !session.isOpen()) {
            caller.refuse("wrong_state", session == null ? "start or resume a conversation first"
                    : "the conversation has ended", say.id());
            return;
        }
        if (say.id() <= session.lastClientId()) {
            Entry earlier = session.sentByCaller(say.id());
            if (earlier != null) {
                // sent again: acknowledged as the first time, once the store has it
                Future<Void> recorded = session.isRecorded(earlier) ? Future.succeededFuture() : recorder.record(session);
                recorded.onSuccess(saved -> caller.ack(say.id(), earlier.seq(), false));
            } else {
                caller.refuse("bad_request", "\"id\" must be greater than every id sent before", say.id());
            }
            return;
        }
        if (session.entries().size() >= config.maxMessages()) {
            caller.refuse("conversation_full", "this conversation is full; please call the helpline or start a new chat",
                    say.id());
            return;
        }
        session.add(Speaker.CALLER, say.text(), clock.instant(), say.id());
        // Acknowledged and relayed only once recorded (ConsoleRelay.released); until then the page shows "sending".
        recorder.record(session);
    }

    private void released(ChatSession session, List<Entry> entries) {
        relay.released(session, entries);
    }

    private void typing(CallerSocket caller) {
        ChatSession session = caller.session();
        if (session != null && session.state() == ChatSession.State.CONNECTED) {
            relay.callerTyping(session);
        }
    }

    private void end(CallerSocket caller) {
        ChatSession session = caller.session();
        if (session == null || !session.isOpen()) {
            caller.refuse("wrong_state", "there is no open conversation to end", null);
            return;
        }
        lifecycle.finish(session, "caller");
        lifecycle.leave(session);
    }
}
