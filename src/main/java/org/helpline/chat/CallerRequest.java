package org.helpline.chat;

import static org.helpline.wire.RequestFields.flag;
import static org.helpline.wire.RequestFields.number;
import static org.helpline.wire.RequestFields.text;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import org.helpline.wire.BadRequest;

/** What a caller's page may ask, parsed from one socket message (docs/protocol.md, "Caller chat socket"). */
sealed interface CallerRequest {
    /** The pre-chat topics, as the page offers them; guidance.yaml maps each to the script it starts. */
    Set<String> TOPICS = Set.of("before_departure", "abroad_in_trouble", "under_18", "came_back", "work_in_romania",
            "worried_about_someone", "other");

    /** A new conversation; {@code danger}: the caller said they are in danger now (the contact is URGENT). */
    record Start(String language, String topic, boolean danger) implements CallerRequest {}

    /** Back to a conversation after a reload or a dropped connection; {@code after}: the last seq the page has. */
    record Resume(String token, long after) implements CallerRequest {}

    /** {@code id}: the page's own number for the message, increasing; a message sent again keeps it. */
    record Say(String text, long id) implements CallerRequest {}

    record Typing() implements CallerRequest {}

    record End() implements CallerRequest {}

    /** @throws BadRequest naming the field at fault */
    static CallerRequest parse(JsonObject message, List<String> languages) {
        String type = message.getString("type");
        return switch (type) {
            case "start" -> new Start(oneOf(message, "language", languages), oneOf(message, "topic", TOPICS),
                    flag(message, "danger"));
            case "resume" -> new Resume(text(message, "token"),
                    message.getValue("after") == null ? 0 : number(message, "after", 0));
            case "say" -> new Say(chatText(message), number(message, "id", 1));
            case "typing" -> new Typing();
            case "end" -> new End();
            default -> throw new BadRequest("unknown_type",
                    "unknown message type '" + type + "'; expected start, resume, say, typing or end");
        };
    }

    /** Any length: the socket's size limit bounds it. */
    private static String chatText(JsonObject message) {
        if (!(message.getValue("text") instanceof String value) || value.isBlank()) {
            throw new BadRequest("bad_request", "\"text\" must be a non-empty string");
        }
        return value;
    }

    private static String oneOf(JsonObject message, String field, Collection<String> allowed) {
        String value = text(message, field);
        if (!allowed.contains(value)) {
            throw new BadRequest("bad_request", "\"" + field + "\" must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }
}
