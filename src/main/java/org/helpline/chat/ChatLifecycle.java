package org.helpline.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.helpline.bus.CommandSender;
import org.helpline.config.ChatConfig;
import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.core.Operator;
import org.helpline.core.Presence;
import org.helpline.core.RejectedCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a conversation moves with its contact: connected when an operator accepts it, ended when either
 * side ends it, let go when its caller stays away longer than the reconnect window, and forgotten
 * (memory and store) a window after it ended. Confined to the chat room's context.
 */
final class ChatLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(ChatLifecycle.class);
    /** Why a caller is told the chat is closed: nobody signed in takes chats in their language. */
    static final String NO_OPERATOR = "no_operator";
    /** ... or as many chats are waiting as the room takes (chat.maxWaiting). */
    static final String BUSY = "busy";

    private final Clock clock;
    private final ChatConfig config;
    private final CommandSender commands;
    private final ChatArchive archive;
    private final Conversations conversations;
    private final ChatRoster roster;
    private final ConsoleRelay relay;
    private final MessageRecorder recorder;
    private boolean queueMoved;

    ChatLifecycle(Clock clock, ChatConfig config, CommandSender commands, ChatArchive archive,
                  Conversations conversations, ChatRoster roster, ConsoleRelay relay, MessageRecorder recorder) {
        this.clock = clock;
        this.config = config;
        this.commands = commands;
        this.archive = archive;
        this.conversations = conversations;
        this.roster = roster;
        this.relay = relay;
        this.recorder = recorder;
    }

    void knowContact(ChatSession session, String contactId) {
        if (session.contactId() == null) {
            session.contactId(contactId);
            archive.save(session);
        }
        conversations.linkContact(contactId, session.id());
    }

    void contactChanged(ContactChanged change) {
        queueMoved = true;
        Contact contact = change.contact();
        if (contact.channel() != Channel.CHAT || contact.channelRef() == null) {
            return;
        }
        ChatSession session = conversations.inMemory(contact.channelRef());
        if (session != null) {
            follow(session, change);
        } else if (change.reason() == ChangeReason.RESTORED) {
            restore(change);
        }
    }

    /** A chat contact the router brought back after a restart: its conversation comes back from the store. */
    private void restore(ContactChanged change) {
        Contact contact = change.contact();
        conversations.linkContact(contact.id(), contact.channelRef());
        conversations.find(contact.channelRef()).onComplete(found -> {
            if (found.succeeded() && found.result() != null) {
                follow(found.result(), change);
                return;
            }
            // Its conversation expired while the server was down: nobody can resume it, so nobody waits for it.
            LOG.info("chat.restore.lost contact={}", contact.id());
            commands.contact(new Command.Leave(contact.id()))
                    .onFailure(e -> LOG.warn("chat.leave.failed contact={} reason={}", contact.id(), e.getMessage()));
        });
    }

    private void follow(ChatSession session, ContactChanged change) {
        Contact contact = change.contact();
        knowContact(session, contact.id());
        if (!contact.language().equals(session.language())) {
            session.language(contact.language());
        }
        switch (contact.state()) {
            case CONNECTED -> connect(session, contact.operatorId());
            case WRAP_UP, CLOSED, ABANDONED -> finish(session, change.reason() == ChangeReason.LEFT ? "caller" : "operator");
            case QUEUED, OFFERED -> {
                if (session.state() == ChatSession.State.CONNECTED) {
                    handedOn(session);
                }
            }
        }
    }

    /** The operator transferred the chat: the caller waits for the next one, who will see it all. */
    private void handedOn(ChatSession session) {
        LOG.info("chat.transferred contact={} from={}", session.contactId(), session.operatorId());
        session.requeue();
        archive.save(session);
        if (session.caller() != null) {
            session.caller().transferred();
        }
        tellPosition(session);
    }

    private void connect(ChatSession session, String operatorId) {
        if (!session.isOpen() || (session.state() == ChatSession.State.CONNECTED && operatorId.equals(session.operatorId()))) {
            return;
        }
        session.connect(operatorId, roster.nameOf(operatorId));
        archive.save(session);
        if (session.caller() != null) {
            session.caller().connected(session.operatorName());
        }
        if (relay.toOperator(session, relay.transcript(session), session.recordedSeq()) && session.caller() != null) {
            session.caller().delivered(session.deliveredUpTo());
        }
        LOG.info("chat.connected contact={} operator={}", session.contactId(), operatorId);
    }

    /** The conversation is over for both sides; the transcript stays one reconnect window. */
    void finish(ChatSession session, String by) {
        if (!session.isOpen()) {
            return;
        }
        session.end(by, clock.instant());
        archive.save(session);
        if (session.caller() != null && by.equals(NO_OPERATOR)) {
            session.caller().closed(NO_OPERATOR);
        } else if (session.caller() != null) {
            session.caller().ended(by);
        }
        LOG.info("chat.ended contact={} by={}", session.contactId(), by);
    }

    /** The caller has left: the contact leaves the queue, or the operator's conversation ends. */
    void leave(ChatSession session) {
        if (session.contactId() != null) {
            String contactId = session.contactId();
            commands.contact(new Command.Leave(contactId)).onFailure(e -> {
                if (!(e instanceof RejectedCommand)) {
                    LOG.warn("chat.leave.failed contact={} reason={}", contactId, e.getClass().getSimpleName());
                }
            });
        }
    }

    void detached(CallerSocket caller) {
        ChatSession session = caller.session();
        if (session != null && session.caller() == caller) {
            session.detach(clock.instant());
            LOG.info("chat.detached contact={}", session.contactId());
            relay.callerConnection(session, false, clock.instant().plus(config.reconnectWindow()));
        }
        caller.session(null);
    }

    /** A caller's page is back within the window: their operator is told so. */
    void reattached(ChatSession session) {
        relay.callerConnection(session, true, null);
    }

    /**
     * Nobody left who takes chats in a language: its waiting callers are told now (with the phone number
     * and 112 on their page) rather than left waiting for no one.
     */
    void operatorChanged(Operator operator) {
        Operator before = roster.update(operator);
        boolean signedOff = operator.presence() == Presence.OFFLINE && before != null && before.presence() != Presence.OFFLINE;
        if (!signedOff) {
            return;
        }
        Set<String> unserved = new HashSet<>();
        for (String language : operator.profile().languages()) {
            if (!roster.canServe(language)) {
                unserved.add(language);
            }
        }
        for (ChatSession session : conversations.all()) {
            if (session.state() == ChatSession.State.WAITING && unserved.contains(session.language())) {
                finish(session, NO_OPERATOR);
                leave(session);
            }
        }
    }

    void sweep() {
        Instant now = clock.instant();
        Duration window = config.reconnectWindow();
        for (ChatSession session : conversations.all()) {
            if (session.isOpen() && session.caller() == null && session.detachedAt() != null
                    && !now.isBefore(session.detachedAt().plus(window))) {
                LOG.info("chat.caller_gone contact={}", session.contactId());
                session.end("caller", now);
                leave(session);
                conversations.forget(session);
            } else if (!session.isOpen() && !now.isBefore(session.endedAt().plus(window))) {
                conversations.forget(session);
            } else if (session.isOpen() && !now.isBefore(session.savedAt().plus(window.dividedBy(2)))) {
                archive.refresh(session);
            } else {
                recorder.retry(session);
            }
        }
        if (queueMoved) {
            queueMoved = false;
            conversations.all().stream().filter(s -> s.state() == ChatSession.State.WAITING).forEach(this::tellPosition);
        }
    }

    /** Tells a waiting caller their place in the queue and the expected wait, if it changed. */
    void tellPosition(ChatSession session) {
        if (session.caller() == null || session.contactId() == null) {
            return;
        }
        commands.locate(session.contactId()).onSuccess(place -> {
            CallerSocket caller = session.caller();
            if (caller != null && session.state() == ChatSession.State.WAITING && place.position() > 0
                    && session.movedTo(place.position())) {
                caller.queue(place.position(), WaitEstimate.minutes(place.position(), roster.chatSlots(session.language()),
                        config.averageChatTime()));
            }
        });
    }
}
