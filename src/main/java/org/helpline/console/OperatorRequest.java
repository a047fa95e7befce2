package org.helpline.console;

import static org.helpline.wire.RequestFields.number;
import static org.helpline.wire.RequestFields.optionalText;
import static org.helpline.wire.RequestFields.text;

import java.util.Locale;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Presence;
import org.helpline.wire.BadRequest;

/** What an operator's console may ask, parsed from one socket message. */
sealed interface OperatorRequest {

    record ChangePresence(Presence presence, String reason) implements OperatorRequest {}

    record Accept(String contactId) implements OperatorRequest {}

    record Decline(String contactId) implements OperatorRequest {}

    record End(String contactId) implements OperatorRequest {}

    record WrapUp(String contactId, String outcome) implements OperatorRequest {}

    /** The operator is still at work on a contact in wrap-up (an unsent referral): more time. */
    record KeepWrappingUp(String contactId) implements OperatorRequest {}

    /** Hands a connected chat on to another language and/or a named operator (both optional). */
    record Transfer(String contactId, String language, String operatorId) implements OperatorRequest {}

    /**
     * A message in a chat the operator holds; its size is checked by the chat room. {@code key} (0 if not
     * given) is the console's random number for it, the same when it is sent again: it is then kept once.
     */
    record Say(String contactId, String text, long key) implements OperatorRequest {}

    /** The operator is typing in a chat: shown to the caller, never acknowledged. */
    record Typing(String contactId) implements OperatorRequest {}

    /** Asks for a browser phone for this console ({@code want: true}) or gives it back. */
    record Phone(boolean want) implements OperatorRequest {}

    /** Whether this console's browser phone works (registered, with a microphone): calls are offered only then. */
    record PhoneState(boolean working) implements OperatorRequest {}

    static OperatorRequest parse(JsonObject message) {
        String type = message.getString("type");
        return switch (type) {
            case "presence" -> new ChangePresence(presence(message), optionalText(message, "reason"));
            case "accept" -> new Accept(text(message, "contactId"));
            case "decline" -> new Decline(text(message, "contactId"));
            case "end" -> new End(text(message, "contactId"));
            case "wrapUp" -> new WrapUp(text(message, "contactId"), outcome(message));
            case "keepWrappingUp" -> new KeepWrappingUp(text(message, "contactId"));
            case "say" -> new Say(text(message, "contactId"), chatText(message),
                    message.getValue("key") == null ? 0 : number(message, "key", 1));
            case "typing" -> new Typing(text(message, "contactId"));
            case "transfer" -> new Transfer(text(message, "contactId"), language(message), optionalText(message, "operatorId"));
            case "phone" -> new Phone(flag(message, "want"));
            case "phoneState" -> new PhoneState(flag(message, "working"));
            default -> throw new BadRequest("unknown_type", "unknown message type '" + type
                    + "'; expected presence, accept, decline, end, wrapUp, keepWrappingUp, say, typing, transfer, phone or phoneState");
        };
    }

    /** A wrap-up's outcome; its own code when missing, as the console must then ask the operator for one. */
    private static String outcome(JsonObject message) {
        String outcome = optionalText(message, "outcome");
        if (outcome == null || outcome.isBlank()) {
            throw new BadRequest("outcome_required", "\"outcome\" is required to wrap up");
        }
        return outcome;
    }

    private static String language(JsonObject message) {
        String language = optionalText(message, "language");
        if (language != null && !language.matches("[a-z]{2,3}")) {
            throw new BadRequest("bad_request", "language must be a code such as ro or en");
        }
        return language;
    }

    private static Presence presence(JsonObject message) {
        String value = text(message, "presence");
        try {
            return Presence.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad_request", "presence must be available, paused or offline");
        }
    }

    private static boolean flag(JsonObject message, String field) {
        if (!(message.getValue(field) instanceof Boolean value)) {
            throw new BadRequest("bad_request", "\"" + field + "\" must be true or false");
        }
        return value;
    }

    private static String chatText(JsonObject message) {
        if (!(message.getValue("text") instanceof String text) || text.isBlank()) {
            throw new BadRequest("bad_request", "\"text\" must be a non-empty string");
        }
        return text;
    }
}
