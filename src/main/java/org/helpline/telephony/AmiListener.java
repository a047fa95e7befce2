package org.helpline.telephony;

import java.util.function.Consumer;

import io.vertx.core.Context;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ContactStatusEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;

/**
 * Runs on Asterisk-Java's event pump, which delivers every event one after another: it only copies
 * what the room needs into an {@link AmiEvent} and hands it to the room's context.
 */
final class AmiListener implements ManagerEventListener {
    private final Context context;
    private final Consumer<AmiEvent> room;
    private final Runnable lost;

    AmiListener(Context context, Consumer<AmiEvent> room, Runnable lost) {
        this.context = context;
        this.room = room;
        this.lost = lost;
    }

    @Override
    public void onManagerEvent(ManagerEvent event) {
        if (event instanceof DisconnectEvent) {
            lost.run();
            return;
        }
        AmiEvent message = translate(event);
        if (message != null) {
            context.runOnContext(v -> room.accept(message));
        }
    }

    static AmiEvent translate(ManagerEvent event) {
        return switch (event) {
            case HangupEvent e when e.getChannel() != null -> new AmiEvent.Hangup(e.getChannel());
            case DialEndEvent e when e.getChannel() != null ->
                    new AmiEvent.DialEnded(e.getChannel(), e.getDestChannel(), e.getDialStatus());
            case BridgeEnterEvent e when e.getChannel() != null -> new AmiEvent.BridgeEntered(e.getChannel());
            case BridgeLeaveEvent e when e.getChannel() != null -> new AmiEvent.BridgeLeft(e.getChannel());
            case ContactStatusEvent e when e.getAor() != null && e.getUri() != null && e.getContactStatus() != null ->
                    new AmiEvent.PhoneContact(e.getAor(), e.getUri(), e.getContactStatus());
            default -> null;
        };
    }
}
