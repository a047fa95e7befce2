package org.helpline.telephony;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.helpline.core.Channel;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.QueueKey;
import org.helpline.core.QueuePlace;

/**
 * The queue as this room hears it from the contact events (calls and chats: both count ahead of a caller),
 * so that a holding caller's position is told from the AGI script's own thread. Asking the dispatch instead
 * wakes two event loops and the script's thread again, and on a machine whose cores Asterisk keeps busy each
 * wake-up can wait milliseconds. Updated on the room's context, read by scripts on theirs.
 */
final class QueueView {
    private final Map<String, Contact> waiting = new HashMap<>();
    private final TreeMap<QueueKey, String> queued = new TreeMap<>();
    private final Map<String, String> callByChannel = new HashMap<>();

    /** Takes in a contact's new state. */
    synchronized void update(Contact contact) {
        Contact old = waiting.remove(contact.id());
        if (old != null) {
            queued.remove(QueueKey.of(old));
            if (isCall(old)) {
                callByChannel.remove(old.channelRef(), old.id());
            }
        }
        if (!contact.state().isWaiting()) {
            return;
        }
        waiting.put(contact.id(), contact);
        if (contact.state() == ContactState.QUEUED) {
            queued.put(QueueKey.of(contact), contact.id());
        }
        if (isCall(contact)) {
            callByChannel.put(contact.channelRef(), contact.id());
        }
    }

    /** Where the call on this channel waits; empty when this room knows of no call waiting there. */
    synchronized Optional<QueuePlace> placeOfCall(String channel) {
        String id = channel == null ? null : callByChannel.get(channel);
        if (id == null) {
            return Optional.empty();
        }
        Contact contact = waiting.get(id);
        return Optional.of(new QueuePlace(contact, QueueKey.position(contact, queued)));
    }

    private static boolean isCall(Contact contact) {
        return contact.channel() == Channel.CALL && contact.channelRef() != null;
    }
}
