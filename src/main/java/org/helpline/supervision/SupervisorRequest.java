package org.helpline.supervision;

import static org.helpline.wire.RequestFields.flag;
import static org.helpline.wire.RequestFields.optionalText;
import static org.helpline.wire.RequestFields.text;

import java.util.Locale;

import io.vertx.core.json.JsonObject;
import org.helpline.core.ListenIn;
import org.helpline.core.Presence;
import org.helpline.wire.BadRequest;

/** What a supervisor may ask on the stream's socket, parsed from one message. */
sealed interface SupervisorRequest {

    /** Ring the supervisor's phone and let them hear a call in conversation. */
    record Listen(String contactId, ListenIn.Mode mode) implements SupervisorRequest {}

    /** The conversation so far of a chat in progress, to read; nothing can be written. */
    record ReadChat(String contactId) implements SupervisorRequest {}

    /** A private note to the operator holding a chat: only their console shows it, never the caller's page. */
    record Whisper(String contactId, String text) implements SupervisorRequest {
        @Override
        public String toString() {
            return "Whisper[" + contactId + "]";
        }
    }

    /** Write in a chat: the caller sees the helpline's line, the operator sees it under the supervisor's name. */
    record JoinChat(String contactId, String text) implements SupervisorRequest {
        @Override
        public String toString() {
            return "JoinChat[" + contactId + "]";
        }
    }

    /** Pause or log out an operator. */
    record SetPresence(String operatorId, Presence presence, String reason) implements SupervisorRequest {}

    record RaiseToUrgent(String contactId) implements SupervisorRequest {}

    record MoveToLanguage(String contactId, String language) implements SupervisorRequest {}

    /** The supervisor saw that a referral's delivery fails or was given up: its alert goes. */
    record NoticeReferral(String reference) implements SupervisorRequest {}

    /** Asks for a browser phone for this view ({@code want: true}), to listen in on, or gives it back. */
    record Phone(boolean want) implements SupervisorRequest {}

    /** Whether this view's browser phone works (registered, with a microphone): listening in rings it only then. */
    record PhoneState(boolean working) implements SupervisorRequest {}

    /** Whether the audit log records it: the view's own phone is no action on anyone (listening in with it is). */
    default boolean audited() {
        return !(this instanceof Phone || this instanceof PhoneState);
    }

    /** The audit log's name for it. */
    default String action() {
        return switch (this) {
            case Listen l -> "listen";
            case ReadChat r -> "read_chat";
            case Whisper w -> "whisper_chat";
            case JoinChat j -> "join_chat";
            case SetPresence p -> "set_presence";
            case RaiseToUrgent r -> "raise_to_urgent";
            case MoveToLanguage m -> "move_to_language";
            case NoticeReferral n -> "notice_referral";
            case Phone p -> "phone";
            case PhoneState p -> "phone_state";
        };
    }

    static SupervisorRequest parse(JsonObject message) {
        String type = message.getString("type");
        return switch (type) {
            case "listen" -> new Listen(text(message, "contactId"), mode(message));
            case "readChat" -> new ReadChat(text(message, "contactId"));
            case "whisperChat" -> new Whisper(text(message, "contactId"), text(message, "text"));
            case "joinChat" -> new JoinChat(text(message, "contactId"), text(message, "text"));
            case "presence" -> new SetPresence(text(message, "operatorId"), presence(message), optionalText(message, "reason"));
            case "raiseToUrgent" -> new RaiseToUrgent(text(message, "contactId"));
            case "moveToLanguage" -> new MoveToLanguage(text(message, "contactId"), text(message, "language"));
            case "noticeReferral" -> new NoticeReferral(text(message, "reference"));
            case "phone" -> new Phone(flag(message, "want"));
            case "phoneState" -> new PhoneState(flag(message, "working"));
            default -> throw new BadRequest("unknown_type", "unknown message type '" + type
                    + "'; expected listen, readChat, whisperChat, joinChat, presence, raiseToUrgent, "
                    + "moveToLanguage, noticeReferral, phone or phoneState");
        };
    }

    private static ListenIn.Mode mode(JsonObject message) {
        String value = optionalText(message, "mode");
        if (value == null) {
            return ListenIn.Mode.LISTEN;
        }
        try {
            return ListenIn.Mode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad_request", "mode must be listen, whisper or barge");
        }
    }

    /**
     * A supervisor may take an operator off the line, or end a pause (one the operator forgot, or the
     * missed-offers pause): never sign anyone in, since only they know they are at their desk.
     */
    private static Presence presence(JsonObject message) {
        return switch (text(message, "presence")) {
            case "paused" -> Presence.PAUSED;
            case "offline" -> Presence.OFFLINE;
            case "available" -> Presence.AVAILABLE;
            default -> throw new BadRequest("bad_request", "presence must be paused, offline or available (ending a pause)");
        };
    }
}
