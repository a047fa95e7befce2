package org.helpline.chat;

import java.time.Instant;
import java.util.Locale;

import io.vertx.core.json.JsonObject;
import org.helpline.core.ChatLine;
import org.helpline.core.ChatLine.Speaker;

/**
 * One message of a transcript.
 *
 * @param clientId the number the caller's page, or the key the operator's console, gave it (0 if none): a
 *                 message sent again after a reconnect or an outage is recognised by it and not recorded twice
 */
record Entry(long seq, Speaker from, String text, Instant sentAt, long clientId) {

    ChatLine line(String contactId) {
        return new ChatLine(contactId, seq, from, text, sentAt);
    }

    /** The entry as the store keeps it: {"seq":…,"from":"caller","text":…,"sentAt":…,"id":…}. */
    String stored() {
        JsonObject json = new JsonObject().put("seq", seq).put("from", from.name().toLowerCase(Locale.ROOT))
                .put("text", text).put("sentAt", sentAt.toString());
        if (clientId > 0) {
            json.put("id", clientId);
        }
        return json.encode();
    }

    boolean fromCaller() {
        return from == Speaker.CALLER;
    }

    /** Leaves the text out, so that logging an entry never writes what someone said. */
    @Override
    public String toString() {
        return "Entry[seq=" + seq + ", from=" + from + "]";
    }
}
