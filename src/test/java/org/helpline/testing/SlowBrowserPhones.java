package org.helpline.testing;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;

/**
 * Telephony's browser phones as a page sees them while Asterisk is slow: each phone asked for is issued only when
 * the test says so ({@link #issueNext}), and every phone given back is recorded. Blocking: call from the test thread.
 */
public final class SlowBrowserPhones {
    private static final long PATIENCE_SECONDS = 5;

    private final BlockingQueue<Message<JsonObject>> issuing = new LinkedBlockingQueue<>();
    private final BlockingQueue<JsonObject> revoked = new LinkedBlockingQueue<>();

    private SlowBrowserPhones() {
    }

    public static SlowBrowserPhones on(Vertx vertx) {
        SlowBrowserPhones phones = new SlowBrowserPhones();
        vertx.eventBus().<JsonObject>consumer(Addresses.BROWSER_PHONE, m -> {
            if (m.body().getBoolean("want")) {
                phones.issuing.add(m);
            } else {
                phones.revoked.add(m.body());
                m.reply(new JsonObject());
            }
        }).completion().await();
        return phones;
    }

    /** Waits for the next phone a page asks for, then issues it with this endpoint. */
    public void issueNext(String endpoint) throws InterruptedException {
        Message<JsonObject> asked = issuing.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
        if (asked == null) {
            throw new AssertionError("no phone asked for within " + PATIENCE_SECONDS + " s");
        }
        asked.reply(new JsonObject().put("webSocketUrl", "wss://pbx.helpline.test:8089/ws")
                .put("uri", "sip:" + endpoint + "@pbx.helpline.test").put("username", endpoint)
                .put("password", "0123456789abcdef0123456789abcdef").put("registrationExpiry", 120));
    }

    /** The next phone given back (the request telephony received), or null within the patience. */
    public JsonObject nextRevoked() throws InterruptedException {
        return revoked.poll(PATIENCE_SECONDS, TimeUnit.SECONDS);
    }
}
