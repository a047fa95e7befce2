package org.helpline.bus;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Contact;
import org.helpline.core.Operator;

/**
 * How contacts and operators look to the server's clients (documented in docs/protocol.md). Enum
 * values are lower case; times are ISO-8601 UTC; nothing here is personal data.
 */
public final class CoreJson {
    private CoreJson() {
    }

    public static JsonObject contact(Contact contact, Clock clock) {
        Instant now = clock.instant();
        JsonObject json = new JsonObject()
                .put("id", contact.id())
                .put("channel", lower(contact.channel()))
                .put("language", contact.language())
                .put("topic", contact.topic())
                .put("priority", lower(contact.priority()))
                .put("state", lower(contact.state()))
                .put("queuedAt", contact.queuedAt().toString())
                .put("waitedSeconds", contact.waitedAt(now).toSeconds())
                .put("stateSince", contact.stateSince().toString());
        putIfPresent(json, "operatorId", contact.operatorId());
        putIfPresent(json, "deadline", contact.deadline() == null ? null : contact.deadline().toString());
        putIfPresent(json, "outcome", contact.outcome());
        return json;
    }

    public static JsonObject operator(Operator operator) {
        JsonObject json = new JsonObject()
                .put("id", operator.id())
                .put("presence", lower(operator.presence()))
                .put("state", lower(operator.state()))
                .put("stateSince", operator.stateSince().toString())
                .put("load", operator.load())
                .put("languages", new JsonArray(operator.profile().languages().stream().sorted().toList()))
                .put("channels", new JsonArray(operator.profile().channels().stream().map(CoreJson::lower).sorted().toList()))
                .put("chatCapacity", operator.profile().chatCapacity());
        putIfPresent(json, "pauseReason", operator.pauseReason());
        return json;
    }

    public static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static void putIfPresent(JsonObject json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
