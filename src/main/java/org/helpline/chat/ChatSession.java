package org.helpline.chat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.helpline.core.ChatLine.Speaker;
import org.helpline.core.HandOver;

/**
 * One conversation as the chat room holds it: who it is with, its transcript, and the caller's socket
 * if one is attached. A message counts (is acknowledged, relayed, listed on resume) only once the store
 * has recorded it: up to {@link #recordedSeq()}. Confined to the chat room's context.
 */
final class ChatSession {
    enum State { WAITING, CONNECTED, ENDED }

    private final String id;
    private final String tokenHash;
    private String language;
    private final String topic;
    private final boolean urgent;
    private final Instant startedAt;
    private final List<Entry> entries = new ArrayList<>();
    /** Each entry as the store keeps it, encoded once: a page is written again with every new message. */
    private final List<String> stored = new ArrayList<>();
    private String contactId;
    private State state = State.WAITING;
    private String operatorId;
    private String operatorName;
    /** What the operator who transferred the chat left for the next one: in memory only, never archived. */
    private HandOver handOver;
    private String endedBy;
    private Instant endedAt;
    private long lastClientId;
    private long deliveredUpTo;
    private long recordedSeq;
    private boolean recording;
    private CallerSocket caller;
    private Instant detachedAt;
    private Instant savedAt;
    private int lastPosition;
    /** The caller's address, for the per-source limits: in memory only, never stored with the conversation. */
    private String source;

    ChatSession(String id, String tokenHash, String language, String topic, boolean urgent, Instant startedAt) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.language = language;
        this.topic = topic;
        this.urgent = urgent;
        this.startedAt = startedAt;
        this.savedAt = startedAt;
    }

    String id() {
        return id;
    }

    String tokenHash() {
        return tokenHash;
    }

    String language() {
        return language;
    }

    /** A supervisor or a transfer moved the chat to another language. */
    void language(String moved) {
        language = moved;
    }

    String source() {
        return source;
    }

    void source(String address) {
        source = address;
    }

    String topic() {
        return topic;
    }

    boolean urgent() {
        return urgent;
    }

    Instant startedAt() {
        return startedAt;
    }

    String contactId() {
        return contactId;
    }

    void contactId(String contactId) {
        this.contactId = contactId;
    }

    State state() {
        return state;
    }

    boolean isOpen() {
        return state != State.ENDED;
    }

    String operatorId() {
        return operatorId;
    }

    String operatorName() {
        return operatorName;
    }

    HandOver handOver() {
        return handOver;
    }

    void handOver(HandOver left) {
        handOver = left;
    }

    String endedBy() {
        return endedBy;
    }

    Instant endedAt() {
        return endedAt;
    }

    List<Entry> entries() {
        return entries;
    }

    long lastSeq() {
        return entries.isEmpty() ? 0 : entries.getLast().seq();
    }

    long lastClientId() {
        return lastClientId;
    }

    /** The caller's highest message number among the recorded messages: what a resumed page may forget. */
    long lastRecordedClientId() {
        long last = 0;
        for (int i = 0; i < recordedSeq; i++) {
            Entry entry = entries.get(i);
            if (entry.fromCaller()) {
                last = Math.max(last, entry.clientId());
            }
        }
        return last;
    }

    /** Messages up to this seq are in the store (or the store keeps nothing); later ones wait for it. */
    long recordedSeq() {
        return recordedSeq;
    }

    boolean isRecorded(Entry entry) {
        return entry.seq() <= recordedSeq;
    }

    /** The recorded messages, oldest first. */
    List<Entry> recordedEntries() {
        return entries.subList(0, (int) recordedSeq);
    }

    /** The messages from {@code after} (exclusive) up to {@code upTo} now count as recorded. */
    List<Entry> recorded(long upTo) {
        long after = recordedSeq;
        if (upTo <= after) {
            return List.of();
        }
        recordedSeq = upTo;
        return List.copyOf(entries.subList((int) after, (int) upTo));
    }

    /** Whether a write of this conversation's unrecorded messages is under way. */
    boolean recording() {
        return recording;
    }

    void recording(boolean underWay) {
        recording = underWay;
    }

    long deliveredUpTo() {
        return deliveredUpTo;
    }

    CallerSocket caller() {
        return caller;
    }

    Instant detachedAt() {
        return detachedAt;
    }

    Instant savedAt() {
        return savedAt;
    }

    void saved(Instant at) {
        savedAt = at;
    }

    /** A message; an operator's is signed with the holder's id and display name. */
    Entry add(Speaker from, String text, Instant now, long clientId) {
        boolean byOperator = from == Speaker.OPERATOR;
        return add(from, text, now, clientId, byOperator ? operatorId : null, byOperator ? operatorName : null);
    }

    /** A message signed by someone else than the holder: a supervisor who joined the chat. */
    Entry add(Speaker from, String text, Instant now, long clientId, String authorId, String authorName) {
        Entry entry = new Entry(lastSeq() + 1, from, text, now, clientId, authorId, authorName);
        restore(entry);
        return entry;
    }

    /** Puts back an entry read from the store, in order. */
    void restore(Entry entry) {
        entries.add(entry);
        if (entry.fromCaller()) {
            lastClientId = Math.max(lastClientId, entry.clientId());
        }
    }

    /** Entries {@code from} (inclusive) to {@code to} (exclusive) as the store keeps them, each encoded once. */
    List<String> stored(int from, int to) {
        while (stored.size() < to) {
            stored.add(entries.get(stored.size()).stored());
        }
        return stored.subList(from, to);
    }

    /** The caller's message with this page number, searched from the end (a resend is usually recent). */
    Entry sentByCaller(long clientId) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (entry.fromCaller() && entry.clientId() == clientId) {
                return entry;
            }
        }
        return null;
    }

    /** The operator's message with this key (chosen by their console), searched from the end. */
    Entry sentByOperator(long key) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            if (!entry.fromCaller() && entry.clientId() == key) {
                return entry;
            }
        }
        return null;
    }

    /** @return whether this moved the delivered mark */
    boolean delivered(long upTo) {
        if (upTo <= deliveredUpTo) {
            return false;
        }
        deliveredUpTo = upTo;
        return true;
    }

    void connect(String operator, String name) {
        state = State.CONNECTED;
        operatorId = operator;
        operatorName = name;
    }

    /** The operator handed the chat on: it waits for the next one. */
    void requeue() {
        state = State.WAITING;
        operatorId = null;
        operatorName = null;
        lastPosition = 0;
    }

    void end(String by, Instant now) {
        state = State.ENDED;
        endedBy = by;
        endedAt = now;
    }

    /** Takes back what the store kept; the caller is away until they resume. */
    void restoreState(State saved, String operator, String name, String by, Instant ended, Instant now) {
        state = saved;
        operatorId = operator;
        operatorName = name;
        endedBy = by;
        endedAt = ended;
        detachedAt = now;
        recordedSeq = lastSeq();
        deliveredUpTo = saved == State.WAITING ? 0 : lastSeq();
    }

    void attach(CallerSocket socket) {
        caller = socket;
        detachedAt = null;
    }

    void detach(Instant now) {
        caller = null;
        detachedAt = now;
    }

    /** A new queue position, if it changed since the caller was last told. */
    boolean movedTo(int position) {
        if (position == lastPosition) {
            return false;
        }
        lastPosition = position;
        return true;
    }

    void forgetPosition() {
        lastPosition = 0;
    }
}
