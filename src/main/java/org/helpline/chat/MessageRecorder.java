package org.helpline.chat;

import java.util.List;
import java.util.function.BiConsumer;

import io.vertx.core.Future;

/**
 * Makes a message count only once the store has recorded it: then, and only then, it is acknowledged to
 * its sender and relayed to the other side ({@code released}). While the store is away new messages wait
 * in the conversation unacknowledged (the sender sees "sending"); the sweep writes them again until the
 * store takes them, and a crash meanwhile loses only messages nobody was told were kept: their senders
 * send them again, and the message number makes sure each is kept once. Confined to the chat room's context.
 */
final class MessageRecorder {
    private final ChatArchive archive;
    private final BiConsumer<ChatSession, List<Entry>> released;

    MessageRecorder(ChatArchive archive, BiConsumer<ChatSession, List<Entry>> released) {
        this.archive = archive;
        this.released = released;
    }

    /** Writes the conversation's unrecorded messages; succeeds once they are recorded (and released). */
    Future<Void> record(ChatSession session) {
        return record(session, () -> {
        });
    }

    /** The same; once recorded, {@code answer} (the sender's acknowledgement) goes out before the messages are released. */
    Future<Void> record(ChatSession session, Runnable answer) {
        long upTo = session.lastSeq();
        return archive.saveUnrecorded(session).onSuccess(saved -> {
            List<Entry> now = session.recorded(upTo);
            answer.run();
            if (!now.isEmpty()) {
                released.accept(session, now);
            }
        });
    }

    /** From the sweep: tries again for a conversation whose messages the store has not taken yet, one try at a time. */
    void retry(ChatSession session) {
        if (session.recording() || session.recordedSeq() >= session.lastSeq()) {
            return;
        }
        session.recording(true);
        record(session).onComplete(done -> session.recording(false));
    }
}
