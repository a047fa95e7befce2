package org.helpline.bus;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.ChatEvent;
import org.helpline.core.ChatLine;
import org.helpline.core.HandOver;

/** How chat messages look on the operator socket (docs/protocol.md, "Chat on the operator socket"). */
public final class ChatJson {
    private ChatJson() {
    }

    public static JsonObject message(ChatLine line) {
        return new JsonObject()
                .put("type", "message")
                .put("contactId", line.contactId())
                .put("seq", line.seq())
                .put("from", CoreJson.lower(line.from()))
                .put("text", line.text())
                .put("sentAt", line.sentAt().toString())
                .put("operatorId", line.operatorId())
                .put("operatorName", line.operatorName());
    }

    public static JsonObject transcript(ChatEvent.Transcript transcript) {
        JsonObject json = new JsonObject()
                .put("type", "transcript")
                .put("contactId", transcript.contactId())
                .put("messages", new JsonArray(transcript.lines().stream().map(ChatJson::message).toList()));
        HandOver handOver = transcript.handOver();
        if (handOver != null) {
            json.put("handOver", new JsonObject().put("from", handOver.fromName()).put("note", handOver.note())
                    .put("case", handOver.caseState() == null ? null : new JsonObject(handOver.caseState())));
        }
        return json;
    }

    public static JsonObject typing(String contactId) {
        return new JsonObject().put("type", "typing").put("contactId", contactId);
    }

    /** The message the operator's consoles get for this event. */
    public static JsonObject of(ChatEvent event) {
        return switch (event) {
            case ChatEvent.Said said -> message(said.line());
            case ChatEvent.CallerTyping typing -> typing(typing.contactId());
            case ChatEvent.Whisper whisper -> new JsonObject().put("type", "whisper").put("contactId", whisper.contactId())
                    .put("from", whisper.supervisorName()).put("text", whisper.text()).put("sentAt", whisper.sentAt().toString());
            case ChatEvent.Transcript transcript -> transcript(transcript);
            case ChatEvent.CallerConnection connection -> new JsonObject().put("type", "callerConnection")
                    .put("contactId", connection.contactId()).put("connected", connection.connected())
                    .put("backBy", connection.backBy() == null ? null : connection.backBy().toString());
        };
    }
}
