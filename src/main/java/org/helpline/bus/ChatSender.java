package org.helpline.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import org.helpline.core.Addresses;
import org.helpline.core.ChatEvent;
import org.helpline.core.ChatLine;
import org.helpline.core.ChatRequest;
import org.helpline.core.RejectedCommand;

/** The console's way to the chat room: sends {@link ChatRequest}s and hands back typed replies or the rejection. */
public final class ChatSender {
    private final Vertx vertx;

    public ChatSender(Vertx vertx) {
        this.vertx = vertx;
    }

    public Future<ChatLine> say(String operatorId, String contactId, String text, long key) {
        return request(new ChatRequest.Say(operatorId, contactId, text, key)).map(ChatLine.class::cast);
    }

    /** The conversation so far, for the console of the operator who holds it: the caller's messages are then delivered. */
    public Future<ChatEvent.Transcript> transcript(String operatorId, String contactId) {
        return request(new ChatRequest.Transcript(operatorId, contactId, true)).map(ChatEvent.Transcript.class::cast);
    }

    /** The same for a supervisor reading along: the caller is not told their messages were delivered. */
    public Future<ChatEvent.Transcript> readAlong(String operatorId, String contactId) {
        return request(new ChatRequest.Transcript(operatorId, contactId, false)).map(ChatEvent.Transcript.class::cast);
    }

    /** Leaves a note and the case with a chat the operator holds, for whoever takes it after the transfer. */
    public Future<Void> handOver(String operatorId, String contactId, String note, String caseState) {
        return request(new ChatRequest.HandOver(operatorId, contactId, note, caseState)).mapEmpty();
    }

    /** A supervisor's private note to the operator holding the chat; never to the caller. */
    public Future<Void> whisper(String operatorId, String contactId, String supervisorName, String text) {
        return request(new ChatRequest.Whisper(operatorId, contactId, supervisorName, text)).mapEmpty();
    }

    /** A supervisor writes in the chat the operator holds; the caller sees it as the helpline's. */
    public Future<ChatLine> join(String operatorId, String contactId, String supervisor, String supervisorName, String text) {
        return request(new ChatRequest.Join(operatorId, contactId, supervisor, supervisorName, text)).map(ChatLine.class::cast);
    }

    public void typing(String operatorId, String contactId) {
        vertx.eventBus().send(Addresses.CHAT_REQUESTS, new ChatRequest.Typing(operatorId, contactId));
    }

    public void consoleOpened(String operatorId, String displayName) {
        vertx.eventBus().send(Addresses.CHAT_REQUESTS, new ChatRequest.ConsoleOpened(operatorId, displayName));
    }

    public void consoleClosed(String operatorId) {
        vertx.eventBus().send(Addresses.CHAT_REQUESTS, new ChatRequest.ConsoleClosed(operatorId));
    }

    private Future<Object> request(ChatRequest request) {
        return vertx.eventBus().request(Addresses.CHAT_REQUESTS, request)
                .map(Message::body)
                .compose(body -> body instanceof RejectedCommand rejected
                        ? Future.failedFuture(rejected)
                        : Future.succeededFuture(body));
    }
}
