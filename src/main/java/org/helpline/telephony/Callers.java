package org.helpline.telephony;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The calls the room follows, by contact and by channel name. Lines change only on the room's
 * context; AGI scripts on their own threads may look up a channel's contact and mark duress.
 */
final class Callers {
    private final Map<String, CallLine> byContact = new HashMap<>();
    private final Map<String, String> contactByChannel = new ConcurrentHashMap<>();
    private final Set<String> underDuress = ConcurrentHashMap.newKeySet();
    private final Set<String> inInbound = ConcurrentHashMap.newKeySet();
    private volatile Consumer<String> inboundEnded = channel -> { };

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

    /**
     * Any thread: a script that queues the caller (inbound, or phone-lost) runs on this channel. A Redirect now
     * would break into it, and the script would take the break for the caller hanging up: the room waits for
     * {@link #inboundEnded}.
     */
    void inboundStarted(String channel) {
        if (channel != null) {
            inInbound.add(channel);
        }
    }

    /** Any thread: the inbound script has given the dialplan its answer; tells the listener. */
    void inboundEnded(String channel) {
        if (channel != null && inInbound.remove(channel)) {
            inboundEnded.accept(channel);
        }
    }

    boolean inInbound(String channel) {
        return inInbound.contains(channel);
    }

    /** Who hears that an inbound script ended (the room, which then sends the Redirect it held back). */
    void onInboundEnded(Consumer<String> listener) {
        inboundEnded = listener;
    }

    void channelEnded(String channel) {
        underDuress.remove(channel);
    }
}
