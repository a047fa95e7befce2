package org.helpline.chat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.ChatLine.Speaker;
import org.helpline.store.HelplineStore;

/**
 * Keeps open conversations in the store, so that with Redis a restart resumes them with nothing lost:
 * <pre>
 *   chat:{session}          the session: language, topic, state, operator, hash of the resume secret
 *   chat:{session}:{page}   up to {@value #PAGE} messages each, page 0 first
 * </pre>
 * Every key lives {@code 1.5 × reconnectWindow} from its last write; the chat room writes an open
 * conversation again every half window and deletes it a window after it ended. So a transcript lasts as
 * long as the conversation plus the window, and a server that stops for good leaves nothing for longer.
 *
 * <p>With the in-memory store nothing is written: it would be a second copy in the same process, and a
 * restart forgets both.
 */
final class ChatArchive {
    static final int PAGE = 20;

    private final HelplineStore store;
    private final Clock clock;
    private final Duration ttl;
    private final boolean durable;

    /** @param durable whether the store outlives the process (Redis); if not, nothing is written */
    ChatArchive(HelplineStore store, Clock clock, Duration reconnectWindow, boolean durable) {
        this.store = store;
        this.clock = clock;
        this.ttl = reconnectWindow.plus(reconnectWindow.dividedBy(2));
        this.durable = durable;
    }

    Future<Void> save(ChatSession session) {
        session.saved(clock.instant());
        if (!durable) {
            return Future.succeededFuture();
        }
        return store.put(sessionKey(session.id()), sessionJson(session).encode(), ttl);
    }

    /** Writes the pages that hold messages not recorded yet: from the first of them to the newest. */
    Future<Void> saveUnrecorded(ChatSession session) {
        if (!durable) {
            return Future.succeededFuture();
        }
        int last = (session.entries().size() - 1) / PAGE;
        List<Future<Void>> writes = new ArrayList<>();
        for (int page = (int) (session.recordedSeq() / PAGE); page <= last; page++) {
            writes.add(savePage(session, page));
        }
        return Future.all(writes).mapEmpty();
    }

    /** Writes the session and every page again, renewing their time to live. */
    Future<Void> refresh(ChatSession session) {
        if (!durable) {
            session.saved(clock.instant());
            return Future.succeededFuture();
        }
        List<Future<Void>> writes = new ArrayList<>();
        writes.add(save(session));
        for (int page = 0; page * PAGE < session.entries().size(); page++) {
            writes.add(savePage(session, page));
        }
        return Future.all(writes).mapEmpty();
    }

    Future<Void> forget(ChatSession session) {
        if (!durable) {
            return Future.succeededFuture();
        }
        List<Future<Void>> deletes = new ArrayList<>();
        deletes.add(store.delete(sessionKey(session.id())));
        for (int page = 0; page * PAGE < session.entries().size(); page++) {
            deletes.add(store.delete(pageKey(session.id(), page)));
        }
        return Future.all(deletes).mapEmpty();
    }

    /** The conversation as the store kept it, or null if it has none (it ended, expired, or never was). */
    Future<ChatSession> load(String sessionId) {
        if (!durable) {
            return Future.succeededFuture();
        }
        return store.get(sessionKey(sessionId)).compose(text -> {
            if (text == null) {
                return Future.succeededFuture(null);
            }
            JsonObject json = new JsonObject(text);
            ChatSession session = new ChatSession(sessionId, json.getString("token"), json.getString("language"),
                    json.getString("topic"), json.getBoolean("urgent", false), Instant.parse(json.getString("startedAt")));
            session.contactId(json.getString("contactId"));
            return loadPages(session, 0).map(loaded -> {
                String endedAt = json.getString("endedAt");
                session.restoreState(ChatSession.State.valueOf(json.getString("state").toUpperCase(Locale.ROOT)),
                        json.getString("operatorId"), json.getString("operatorName"), json.getString("endedBy"),
                        endedAt == null ? null : Instant.parse(endedAt), clock.instant());
                session.saved(clock.instant());
                return session;
            });
        });
    }

    /** Pages in order until one is missing or not full. */
    private Future<Void> loadPages(ChatSession session, int page) {
        return store.get(pageKey(session.id(), page)).compose(text -> {
            if (text == null) {
                return Future.succeededFuture();
            }
            JsonArray lines = new JsonArray(text);
            for (int i = 0; i < lines.size(); i++) {
                JsonObject line = lines.getJsonObject(i);
                session.restore(new Entry(line.getLong("seq"), Speaker.valueOf(line.getString("from").toUpperCase(Locale.ROOT)),
                        line.getString("text"), Instant.parse(line.getString("sentAt")), line.getLong("id", 0L)));
            }
            return lines.size() < PAGE ? Future.succeededFuture() : loadPages(session, page + 1);
        });
    }

    private Future<Void> savePage(ChatSession session, int page) {
        int from = page * PAGE;
        int to = Math.min(session.entries().size(), from + PAGE);
        return store.put(pageKey(session.id(), page), "[" + String.join(",", session.stored(from, to)) + "]", ttl);
    }

    private static JsonObject sessionJson(ChatSession session) {
        return new JsonObject()
                .put("token", session.tokenHash())
                .put("language", session.language())
                .put("topic", session.topic())
                .put("urgent", session.urgent())
                .put("startedAt", session.startedAt().toString())
                .put("contactId", session.contactId())
                .put("state", session.state().name().toLowerCase(Locale.ROOT))
                .put("operatorId", session.operatorId())
                .put("operatorName", session.operatorName())
                .put("endedBy", session.endedBy())
                .put("endedAt", session.endedAt() == null ? null : session.endedAt().toString());
    }

    static String sessionKey(String sessionId) {
        return "chat:" + sessionId;
    }

    static String pageKey(String sessionId, int page) {
        return "chat:" + sessionId + ":" + page;
    }
}
