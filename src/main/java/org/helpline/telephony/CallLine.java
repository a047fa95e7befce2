package org.helpline.telephony;

import java.util.Objects;

import org.helpline.core.Contact;
import org.helpline.core.ContactState;

/**
 * One caller's channel as the room follows it.
 *
 * @param operatorId   the operator the call is offered to or connected with; null while queued
 * @param accepting    an Accept was already sent for the current offer
 * @param awaitingLink the current offer came while the AMI link was down: redirect when it is back
 * @param inBridge     the channel is talking to another channel (BridgeEnter without BridgeLeave)
 */
record CallLine(String contactId, String channel, ContactState state, String operatorId, boolean accepting,
                boolean awaitingLink, boolean inBridge) {

    /** The line after a change of its contact; what concerned the previous offer is dropped. */
    static CallLine of(Contact contact, CallLine previous) {
        boolean sameOffer = previous != null && previous.state() == contact.state()
                && Objects.equals(previous.operatorId(), contact.operatorId());
        return new CallLine(contact.id(), contact.channelRef(), contact.state(), contact.operatorId(),
                sameOffer && previous.accepting(), sameOffer && previous.awaitingLink(),
                previous != null && previous.inBridge());
    }

    boolean offered() {
        return state == ContactState.OFFERED;
    }

    /** Still in the router's hands as a live call: a hang-up must reach the router. */
    boolean live() {
        return state == ContactState.QUEUED || state == ContactState.OFFERED || state == ContactState.CONNECTED;
    }

    CallLine acceptSent() {
        return new CallLine(contactId, channel, state, operatorId, true, awaitingLink, inBridge);
    }

    CallLine awaitingLink(boolean now) {
        return new CallLine(contactId, channel, state, operatorId, accepting, now, inBridge);
    }

    CallLine bridged(boolean now) {
        return new CallLine(contactId, channel, state, operatorId, accepting, awaitingLink, now);
    }
}
