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
 * @param operatorId   the operator who wrote it, and their display name then (null for the caller's): a
 *                     transferred chat's next operator sees who said what
 */
record Entry(long seq, Speaker from, String text, Instant sentAt, long clientId, String operatorId, String operatorName) {

    ChatLine line(String contactId) {
        return new ChatLine(contactId, seq, from, text, sentAt, operatorId, operatorName);
    }

    /** The entry as the store keeps it: {"seq":…,"from":"caller","text":…,"sentAt":…,"id":…,"by":…,"byName":…}. */
    String stored() {
        JsonObject json = new JsonObject().put("seq", seq).put("from", from.name().toLowerCase(Locale.ROOT))
                .put("text", text).put("sentAt", sentAt.toString());
        if (clientId > 0) {
            json.put("id", clientId);
        }
        if (operatorId != null) {
            json.put("by", operatorId).put("byName", operatorName);
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
