package org.helpline.supervision;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import org.helpline.bus.CoreJson;
import org.helpline.bus.Refusals;
import org.helpline.core.RejectedCommand;
import org.helpline.wire.JsonSocket;

/**
 * One open supervisor view: receives the stream, sends requests, and every request is audited. A view on a slow
 * link that has not taken in what it was sent (a snapshot of a thousand contacts is some 200 KB) skips the
 * updates meanwhile and gets a fresh snapshot as soon as it has caught up, so it is never cut off for being slow
 * and never misses a change. A wallboard's view (watch only) gets the same stream and every request refused.
 */
final class SupervisorSocket {
    private final ServerWebSocket webSocket;
    private final JsonSocket socket;
    private final String supervisor;
    private final String displayName;
    private final boolean watchOnly;
    private final SupervisorPhone phone;
    private final SupervisorActions actions;
    private final AuditLog audit;
    private final Supplier<JsonObject> snapshot;
    private boolean behind;

    /**
     * @param phone    the supervisor's phone for listening in
     * @param snapshot everything this view shows, as its first message
     */
    SupervisorSocket(ServerWebSocket webSocket, JsonSocket socket, String supervisor, String displayName, boolean watchOnly,
                     SupervisorPhone phone, SupervisorActions actions, AuditLog audit, Supplier<JsonObject> snapshot) {
        this.webSocket = webSocket;
        this.socket = socket;
        this.supervisor = supervisor;
        this.displayName = displayName;
        this.watchOnly = watchOnly;
        this.phone = phone;
        this.actions = actions;
        this.audit = audit;
        this.snapshot = snapshot;
    }

    void sendSnapshot() {
        socket.send(snapshot.get());
    }

    /** An update encoded once for every supervisor. */
    void sendUpdate(String update) {
        if (behind || webSocket.isClosed()) {
            return;
        }
        if (webSocket.writeQueueFull()) {
            behind = true;
            webSocket.drainHandler(drained -> {
                webSocket.drainHandler(null);
                behind = false;
                sendSnapshot();
            });
            return;
        }
        socket.sendEncoded(update);
    }

    void receive(JsonObject message) {
        SupervisorRequest request = socket.parseOrRefuse(message, SupervisorRequest::parse);
        if (request == null) {
            return;
        }
        Object requestId = message.getValue("id");
        Future<JsonObject> answer = watchOnly
                ? Future.failedFuture(new RejectedCommand("watch_only", "a wallboard account can only watch: log in as a supervisor to act"))
                : actions.execute(request, new SupervisorActions.Asker(supervisor, displayName, phone));
        answer.onComplete(done -> {
            if (request.audited()) {
                audit.record(supervisor, request.action(), target(request), done.succeeded() ? "ok"
                        : Objects.requireNonNullElse(Refusals.codeOf(done.cause()), JsonSocket.UNAVAILABLE));
            }
            socket.answer(requestId, done, Refusals::codeOf);
        });
    }

    /** The view closes: its browser phone stops working. */
    Future<Void> closed() {
        return phone.close();
    }

    /** Whom the request was about: ids and codes only. */
    private static Map<String, String> target(SupervisorRequest request) {
        Map<String, String> target = new LinkedHashMap<>();
        switch (request) {
            case SupervisorRequest.Listen l -> {
                target.put("contact", l.contactId());
                target.put("mode", CoreJson.lower(l.mode()));
            }
            case SupervisorRequest.ReadChat r -> target.put("contact", r.contactId());
            case SupervisorRequest.Whisper w -> target.put("contact", w.contactId());
            case SupervisorRequest.JoinChat j -> target.put("contact", j.contactId());
            case SupervisorRequest.SetPresence p -> {
                target.put("operator", p.operatorId());
                target.put("presence", CoreJson.lower(p.presence()));
            }
            case SupervisorRequest.RaiseToUrgent r -> target.put("contact", r.contactId());
            case SupervisorRequest.MoveToLanguage m -> {
                target.put("contact", m.contactId());
                target.put("language", m.language());
            }
            case SupervisorRequest.NoticeReferral n -> target.put("referral", n.reference());
            case SupervisorRequest.Phone p -> { }
            case SupervisorRequest.PhoneState p -> { }
        }
        return target;
    }
}
