package org.helpline.console;

import java.util.Locale;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Presence;

/** What an operator's console may ask, parsed from one socket message. */
sealed interface OperatorRequest {

    record ChangePresence(Presence presence, String reason) implements OperatorRequest {}

    record Accept(String contactId) implements OperatorRequest {}

    record Decline(String contactId) implements OperatorRequest {}

    record End(String contactId) implements OperatorRequest {}

    record WrapUp(String contactId, String outcome) implements OperatorRequest {}

    static OperatorRequest parse(JsonObject message) {
        String type = message.getString("type");
        return switch (type) {
            case "presence" -> new ChangePresence(presence(message), optionalText(message, "reason"));
            case "accept" -> new Accept(text(message, "contactId"));
            case "decline" -> new Decline(text(message, "contactId"));
            case "end" -> new End(text(message, "contactId"));
            case "wrapUp" -> new WrapUp(text(message, "contactId"), text(message, "outcome"));
            default -> throw new BadRequest("unknown_type",
                    "unknown message type '" + type + "'; expected presence, accept, decline, end or wrapUp");
        };
    }

    private static Presence presence(JsonObject message) {
        String value = text(message, "presence");
        try {
            return Presence.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequest("bad_request", "presence must be available, paused or offline");
        }
    }

    private static String text(JsonObject message, String field) {
        String value = optionalText(message, field);
        if (value == null || value.isBlank()) {
            throw new BadRequest("bad_request", "\"" + field + "\" is required");
        }
        return value;
    }

    private static String optionalText(JsonObject message, String field) {
        Object value = message.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw new BadRequest("bad_request", "\"" + field + "\" must be a string");
        }
        if (value != null && ((String) value).length() > 200) {
            throw new BadRequest("bad_request", "\"" + field + "\" is too long");
        }
        return (String) value;
    }

    /** A message that is well-formed JSON but not a valid request. */
    final class BadRequest extends RuntimeException {
        private final String code;

        BadRequest(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }
}
