package org.helpline.telephony;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls the room follows, by contact and by channel name. Lines change only on the room's
 * context; AGI scripts on their own threads may look up a channel's contact and mark duress.
 */
final class Callers {
    private final Map<String, CallLine> byContact = new HashMap<>();
    private final Map<String, String> contactByChannel = new ConcurrentHashMap<>();
    private final Set<String> underDuress = ConcurrentHashMap.newKeySet();

    void put(CallLine line) {
        CallLine old = byContact.put(line.contactId(), line);
        if (old != null && !old.channel().equals(line.channel())) {
            contactByChannel.remove(old.channel(), old.contactId());
        }
        contactByChannel.put(line.channel(), line.contactId());
    }

    void remove(String contactId) {
        CallLine old = byContact.remove(contactId);
        if (old != null) {
            contactByChannel.remove(old.channel(), contactId);
            underDuress.remove(old.channel());
        }
    }

    Optional<CallLine> byContact(String contactId) {
        return Optional.ofNullable(byContact.get(contactId));
    }

    Optional<CallLine> byChannel(String channel) {
        return Optional.ofNullable(contactByChannel.get(channel)).map(byContact::get);
    }

    List<CallLine> all() {
        return List.copyOf(byContact.values());
    }

    /** Any thread: the contact waiting on this channel, or null. */
    String contactOf(String channel) {
        return channel == null ? null : contactByChannel.get(channel);
    }

    /** Any thread: this caller keyed the duress sequence and must never be redirected. */
    void markDuress(String channel) {
        if (channel != null) {
            underDuress.add(channel);
        }
    }

    boolean underDuress(String channel) {
        return underDuress.contains(channel);
    }

    void channelEnded(String channel) {
        underDuress.remove(channel);
    }
}
