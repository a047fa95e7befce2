package org.helpline.wire;

import io.vertx.core.json.JsonObject;

/** Reading the fields of a socket request, each refusal a {@link BadRequest} naming the field. */
public final class RequestFields {
    /** Ids, reasons and codes are short; a longer value is not a mistake worth carrying further. */
    private static final int MAX_TEXT = 200;

    private RequestFields() {
    }

    public static String text(JsonObject message, String field) {
        String value = optionalText(message, field);
        if (value == null || value.isBlank()) {
            throw new BadRequest("bad_request", "\"" + field + "\" is required");
        }
        return value;
    }

    public static String optionalText(JsonObject message, String field) {
        Object value = message.getValue(field);
        if (value != null && !(value instanceof String)) {
            throw new BadRequest("bad_request", "\"" + field + "\" must be a string");
        }
        if (value != null && ((String) value).length() > MAX_TEXT) {
            throw new BadRequest("bad_request", "\"" + field + "\" is too long");
        }
        return (String) value;
    }

    public static boolean flag(JsonObject message, String field) {
        Object value = message.getValue(field);
        if (value != null && !(value instanceof Boolean)) {
            throw new BadRequest("bad_request", "\"" + field + "\" must be true or false");
        }
        return Boolean.TRUE.equals(value);
    }

    public static long number(JsonObject message, String field, long least) {
        Object value = message.getValue(field);
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < least) {
            throw new BadRequest("bad_request", "\"" + field + "\" must be a whole number of at least " + least);
        }
        return ((Number) value).longValue();
    }
}
