package org.helpline.telephony;

import java.util.function.Supplier;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;

/**
 * Tells the supervisor view when calls go around the consoles: the AMI link down (callers cannot be moved to an
 * operator, so new calls get fallback), the AGI port not listening (Asterisk's AGI fails, so the dialplan uses the
 * fallback queue), and each call the scripts sent to the fallback queue. Published on
 * {@link Addresses#PHONE_LINE} when anything changes (checked every half second); answered on
 * {@link Addresses#PHONE_LINE_ASK}. Counts and link states only, nothing about a caller.
 */
final class PhoneLineWatch {
    private static final long CHECK_MILLIS = 500;

    private final Vertx vertx;
    private final Supplier<TelephonyStatus> ami;
    private final Supplier<TelephonyStatus> agi;
    private final AgiAnswers answers;
    private MessageConsumer<Object> asked;
    private long timer = -1;
    private JsonObject last;

    PhoneLineWatch(Vertx vertx, Supplier<TelephonyStatus> ami, Supplier<TelephonyStatus> agi, AgiAnswers answers) {
        this.vertx = vertx;
        this.ami = ami;
        this.agi = agi;
        this.answers = answers;
    }

    Future<Void> start() {
        last = now();
        asked = vertx.eventBus().consumer(Addresses.PHONE_LINE_ASK, m -> m.reply(now()));
        timer = vertx.setPeriodic(CHECK_MILLIS, id -> {
            JsonObject now = now();
            if (!now.equals(last)) {
                last = now;
                vertx.eventBus().publish(Addresses.PHONE_LINE, now);
            }
        });
        return asked.completion();
    }

    void stop() {
        vertx.cancelTimer(timer);
        if (asked != null) {
            asked.unregister();
        }
    }

    private JsonObject now() {
        AgiAnswers.Fallbacks fallbacks = answers.fallbacks();
        return new JsonObject()
                .put("ami", link(ami.get()))
                .put("agi", link(agi.get()))
                .put("fallbacks", fallbacks.count())
                .put("lastFallbackAt", fallbacks.last() == null ? null : fallbacks.last().toString());
    }

    private static JsonObject link(TelephonyStatus status) {
        return new JsonObject().put("up", status.up()).put("reason", status.reason());
    }
}
