package org.helpline.telephony;

import java.util.List;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.asteriskjava.fastagi.AgiRequest;
import org.helpline.config.KeyText;
import org.helpline.config.TelephonyConfig.RepeatCallersConfig;
import org.helpline.core.Addresses;
import org.helpline.privacy.CallerDigest;

/**
 * The one place the caller id is read, and only when repeat-caller detection is on: inside the AGI request it
 * becomes keyed hashes at once, and only those leave, to the repeat-caller desk. The number is not kept,
 * logged or passed on.
 */
final class CallerIds {
    private final Vertx vertx;
    private final CallerDigest digest;

    private CallerIds(Vertx vertx, CallerDigest digest) {
        this.vertx = vertx;
        this.digest = digest;
    }

    static CallerIds of(Vertx vertx, RepeatCallersConfig config) {
        if (!config.enabled()) {
            return new CallerIds(vertx, null);
        }
        return new CallerIds(vertx, new CallerDigest(config.currentKey(),
                KeyText.decodeAll(config.keys(), "telephony.repeatCallers.keys"), config.countryCode()));
    }

    /** The call is now this contact: tells the repeat-caller desk the caller's hashes, if detection is on. */
    void seen(AgiRequest request, String contactId) {
        if (digest == null) {
            return;
        }
        List<String> digests = digest.of(request.getCallerIdNumber());
        if (!digests.isEmpty()) {
            vertx.eventBus().send(Addresses.CALLER_SEEN,
                    new JsonObject().put("contactId", contactId).put("digests", new JsonArray(digests)));
        }
    }
}
