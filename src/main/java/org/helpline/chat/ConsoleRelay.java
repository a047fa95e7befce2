package org.helpline.chat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import org.helpline.core.Addresses;
import org.helpline.core.ChatEvent;
import org.helpline.core.ChatLine;
import org.helpline.core.ChatLine.Speaker;
import org.helpline.core.ChatRequest;
import org.helpline.core.HandOver;
import org.helpline.core.RejectedCommand;

/**
 * The operators' side of the chats: answers what their consoles ask (say, typing, transcript, their
 * display name) and sends each chat's messages to the consoles of the one operator who holds it, never
 * to anyone else. Confined to the chat room's context.
 */
final class ConsoleRelay {
    private static final RejectedCommand NOT_RECORDED = new RejectedCommand("unavailable",
            "not recorded yet: the server cannot reach its store; send it again with the same key");
    private final Vertx vertx;
    private final Clock clock;
    private final Conversations conversations;
    private final MessageRecorder recorder;
    private final ChatRoster roster;
    private final int maxTextBytes;
    private final int maxMessages;

    ConsoleRelay(Vertx vertx, Clock clock, Conversations conversations, MessageRecorder recorder, ChatRoster roster,
                 int maxTextBytes, int maxMessages) {
        this.vertx = vertx;
        this.clock = clock;
        this.conversations = conversations;
        this.recorder = recorder;
        this.roster = roster;
        this.maxTextBytes = maxTextBytes;
        this.maxMessages = maxMessages;
    }

    void receive(Message<ChatRequest> message) {
        switch (message.body()) {
            case ChatRequest.Say say -> held(say.operatorId(), say.contactId(), "write in", message, session -> say(session, say, message));
            case ChatRequest.Whisper whisper -> held(whisper.operatorId(), whisper.contactId(), "whisper in", message,
                    session -> {
                        if (refusedText(session, whisper.text(), message)) {
                            return;
                        }
                        vertx.eventBus().send(Addresses.CHAT_EVENTS, new ChatEvent.Whisper(session.operatorId(),
                                session.contactId(), whisper.supervisorName(), whisper.text(), clock.instant()));
                        message.reply(whisper);
                    });
            case ChatRequest.Join join -> held(join.operatorId(), join.contactId(), "join", message, session -> {
                if (refusedText(session, join.text(), message)) {
                    return;
                }
                Entry entry = session.add(Speaker.OPERATOR, join.text(), clock.instant(), 0,
                        ChatLine.SUPERVISOR + join.supervisor(), join.supervisorName());
                recorder.record(session, () -> message.reply(entry.line(session.contactId())))
                        .onFailure(notRecorded -> message.reply(NOT_RECORDED));
            });
            case ChatRequest.Typing typing -> held(typing.operatorId(), typing.contactId(), "type in", null, session -> {
                if (session.state() == ChatSession.State.CONNECTED && session.caller() != null) {
                    session.caller().typing();
                }
            });
            case ChatRequest.Transcript asked -> held(asked.operatorId(), asked.contactId(), "read", message, session -> {
                message.reply(transcript(session));
                if (asked.forHolder()) {
                    delivered(session, session.recordedSeq());
                }
            });
            case ChatRequest.HandOver handOver -> held(handOver.operatorId(), handOver.contactId(), "hand over", message,
                    session -> {
                        session.handOver(new HandOver(session.operatorName(), handOver.note(), handOver.caseState()));
                        message.reply(handOver);
                    });
            case ChatRequest.ConsoleOpened opened -> roster.consoleOpened(opened.operatorId(), opened.displayName());
            case ChatRequest.ConsoleClosed closed -> roster.consoleClosed(closed.operatorId());
        }
    }

    /**
     * Sends a caller's message, or the whole conversation so far, to the consoles of the operator who holds
     * the chat; true when one of them is open, so that the caller's messages up to {@code upTo} are now
     * delivered (and the caller is to be told).
     */
    boolean toOperator(ChatSession session, ChatEvent event, long upTo) {
        vertx.eventBus().send(Addresses.CHAT_EVENTS, event);
        boolean delivered = roster.hasConsole(session.operatorId());
        if (delivered) {
            session.delivered(upTo);
        }
        return delivered;
    }

    ChatEvent.Transcript transcript(ChatSession session) {
        return new ChatEvent.Transcript(session.operatorId(), session.contactId(),
                session.recordedEntries().stream().map(e -> e.line(session.contactId())).toList(), session.handOver());
    }

    /** Tells the operator in conversation with this caller that their page went away or came back. */
    void callerConnection(ChatSession session, boolean connected, java.time.Instant backBy) {
        if (session.operatorId() != null && session.state() == ChatSession.State.CONNECTED) {
            vertx.eventBus().send(Addresses.CHAT_EVENTS,
                    new ChatEvent.CallerConnection(session.operatorId(), session.contactId(), connected, backBy));
        }
    }

    void callerTyping(ChatSession session) {
        vertx.eventBus().send(Addresses.CHAT_EVENTS, new ChatEvent.CallerTyping(session.operatorId(), session.contactId()));
    }

    /** Refuses (and answers why) a text for a chat that has ended, or an empty, too long or one too many. */
    private boolean refusedText(ChatSession session, String text, Message<ChatRequest> message) {
        RejectedCommand refused = null;
        if (session.state() != ChatSession.State.CONNECTED) {
            refused = new RejectedCommand("wrong_state", "cannot write in a chat that has ended");
        } else if (text == null || text.isBlank()) {
            refused = new RejectedCommand("bad_request", "\"text\" must be a non-empty string");
        } else if (text.getBytes(StandardCharsets.UTF_8).length > maxTextBytes) {
            refused = new RejectedCommand("too_large", "a chat message may be at most " + maxTextBytes + " bytes");
        } else if (session.entries().size() >= maxMessages) {
            refused = new RejectedCommand("conversation_full", "this conversation holds " + maxMessages
                    + " messages; go on by phone or in a new chat");
        }
        if (refused != null) {
            message.reply(refused);
        }
        return refused != null;
    }

    private void say(ChatSession session, ChatRequest.Say say, Message<ChatRequest> message) {
        if (refusedText(session, say.text(), message)) {
            return;
        }
        Entry earlier = say.key() > 0 ? session.sentByOperator(say.key()) : null;
        if (earlier != null) {
            // sent again: answered as the first time, once the store has it
            Future<Void> recorded = session.isRecorded(earlier) ? Future.succeededFuture() : recorder.record(session);
            recorded.onComplete(saved -> message.reply(saved.succeeded() && session.isRecorded(earlier)
                    ? earlier.line(session.contactId()) : NOT_RECORDED));
            return;
        }
        Entry entry = session.add(Speaker.OPERATOR, say.text(), clock.instant(), say.key());
        // Acknowledged and relayed only once recorded (see released): what was acknowledged survives a crash.
        recorder.record(session, () -> message.reply(entry.line(session.contactId())))
                .onFailure(notRecorded -> message.reply(NOT_RECORDED));
    }

    /**
     * Messages the store has just recorded go on: the caller's to the operator's consoles (and the caller
     * learns they are kept), the operator's to the caller and to the operator's consoles.
     */
    void released(ChatSession session, List<Entry> entries) {
        for (Entry entry : entries) {
            var line = entry.line(session.contactId());
            CallerSocket caller = session.caller();
            if (!entry.fromCaller()) {
                vertx.eventBus().send(Addresses.CHAT_EVENTS, new ChatEvent.Said(session.operatorId(), line));
                if (caller != null) {
                    caller.message(entry);
                }
                continue;
            }
            // One answer for both: recorded, and on the operator's screen if a console of theirs is open.
            boolean delivered = session.state() == ChatSession.State.CONNECTED
                    && toOperator(session, new ChatEvent.Said(session.operatorId(), line), entry.seq());
            if (caller != null) {
                caller.ack(entry.clientId(), entry.seq(), delivered);
            }
        }
    }

    private void delivered(ChatSession session, long upTo) {
        if (session.delivered(upTo) && session.caller() != null) {
            session.caller().delivered(upTo);
        }
    }

    /** Runs {@code action} on the chat if this operator holds it; otherwise answers the refusal (when asked). */
    private void held(String operatorId, String contactId, String action, Message<ChatRequest> asked,
                      Consumer<ChatSession> then) {
        conversations.ofContact(contactId).onComplete(found -> {
            ChatSession session = found.succeeded() ? found.result() : null;
            RejectedCommand refused = null;
            if (session == null) {
                refused = new RejectedCommand("unknown_contact", "no chat " + contactId);
            } else if (operatorId == null || !operatorId.equals(session.operatorId())) {
                refused = new RejectedCommand("not_yours", "cannot " + action + " a chat that is not yours");
            }
            if (refused == null) {
                then.accept(session);
            } else if (asked != null) {
                asked.reply(refused);
            }
        });
    }
}
