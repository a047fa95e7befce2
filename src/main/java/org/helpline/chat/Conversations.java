package org.helpline.chat;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.Future;

/**
 * The conversations the chat room holds, by session and by contact, loaded from the store when they
 * are not in memory (after a restart). Confined to the chat room's context.
 */
final class Conversations {
    private final ChatArchive archive;
    private final Map<String, ChatSession> sessions = new HashMap<>();
    private final Map<String, String> sessionOfContact = new HashMap<>();
    private final Map<String, Future<ChatSession>> loading = new HashMap<>();

    Conversations(ChatArchive archive) {
        this.archive = archive;
    }

    void add(ChatSession session) {
        sessions.put(session.id(), session);
    }

    void linkContact(String contactId, String sessionId) {
        sessionOfContact.put(contactId, sessionId);
    }

    ChatSession inMemory(String sessionId) {
        return sessions.get(sessionId);
    }

    /** The conversation, from memory or else from the store; null if there is none. */
    Future<ChatSession> find(String sessionId) {
        ChatSession known = sessions.get(sessionId);
        if (known != null) {
            return Future.succeededFuture(known);
        }
        Future<ChatSession> pending = loading.get(sessionId);
        if (pending != null) {
            return pending;
        }
        Future<ChatSession> load = archive.load(sessionId).map(loaded -> loaded == null ? null : keep(loaded));
        if (!load.isComplete()) {
            loading.put(sessionId, load);
            load.onComplete(done -> loading.remove(sessionId));
        }
        return load;
    }

    /** A conversation read from the store, unless another read or a new one got there first. */
    private ChatSession keep(ChatSession loaded) {
        ChatSession raced = sessions.putIfAbsent(loaded.id(), loaded);
        ChatSession session = raced != null ? raced : loaded;
        if (session.contactId() != null) {
            sessionOfContact.put(session.contactId(), session.id());
        }
        return session;
    }

    /** The conversation of this contact; null if the contact is not one of this room's chats. */
    Future<ChatSession> ofContact(String contactId) {
        String sessionId = contactId == null ? null : sessionOfContact.get(contactId);
        return sessionId == null ? Future.succeededFuture(null) : find(sessionId);
    }

    /** The conversation of this contact if it is in memory now. */
    ChatSession ofContactNow(String contactId) {
        String sessionId = contactId == null ? null : sessionOfContact.get(contactId);
        return sessionId == null ? null : sessions.get(sessionId);
    }

    /** Conversations waiting for an operator. */
    long waiting() {
        return sessions.values().stream().filter(session -> session.state() == ChatSession.State.WAITING).count();
    }

    /** Conversations from this source address waiting for an operator. */
    long waitingFrom(String source) {
        return sessions.values().stream()
                .filter(session -> session.state() == ChatSession.State.WAITING && source.equals(session.source()))
                .count();
    }

    Collection<ChatSession> all() {
        return List.copyOf(sessions.values());
    }

    /** Drops the conversation from memory and the store. */
    Future<Void> forget(ChatSession session) {
        sessions.remove(session.id());
        if (session.contactId() != null) {
            sessionOfContact.remove(session.contactId());
        }
        return archive.forget(session);
    }
}
