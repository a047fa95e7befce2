package org.helpline.privacy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;
import org.helpline.core.HelplineEvent.ContactChanged;
import org.helpline.store.HelplineStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeat-caller detection, when it is switched on. Telephony sends the keyed hashes of a call's caller id
 * ({@link CallerDigest}, current key first); this desk looks for any of them under {@code caller:<key>:<hash>},
 * keeps the current one for {@code window} (a hash found under an older key moves to the current one), and
 * says only "called before within the window: yes or no", on {@link Addresses#CALLER_HISTORY} and to anyone
 * who asks on {@link Addresses#CALLER_HISTORY_ASK} while the contact lasts.
 */
public final class RepeatCallers extends VerticleBase {
    static final String KEY_PREFIX = "caller:";
    private static final Logger LOG = LoggerFactory.getLogger(RepeatCallers.class);

    private final HelplineStore store;
    private final Duration window;
    private final Map<String, Boolean> calledBefore = new HashMap<>();

    public RepeatCallers(HelplineStore store, Duration window) {
        this.store = store;
        this.window = window;
    }

    @Override
    public Future<?> start() {
        var seen = vertx.eventBus().<JsonObject>consumer(Addresses.CALLER_SEEN, m -> seen(m.body()));
        var asked = vertx.eventBus().<JsonObject>consumer(Addresses.CALLER_HISTORY_ASK, this::asked);
        var ended = vertx.eventBus().<ContactChanged>consumer(Addresses.CONTACT_EVENTS, m -> {
            if (m.body().contact().state().isFinal()) {
                calledBefore.remove(m.body().contact().id());
            }
        });
        return Future.all(seen.completion(), asked.completion(), ended.completion());
    }

    private void seen(JsonObject call) {
        String contactId = call.getString("contactId");
        List<String> digests = call.getJsonArray("digests", new JsonArray()).stream().map(String::valueOf).toList();
        if (contactId == null || digests.isEmpty()) {
            return;
        }
        List<Future<String>> found = digests.stream().map(d -> store.get(KEY_PREFIX + d)).toList();
        Future.join(found).onComplete(looked -> {
            boolean before = false;
            for (int i = 0; i < digests.size(); i++) {
                if (found.get(i).succeeded() && found.get(i).result() != null) {
                    before = true;
                    if (i > 0) {
                        store.delete(KEY_PREFIX + digests.get(i)); // now kept under the current key
                    }
                }
            }
            store.put(KEY_PREFIX + digests.getFirst(), "1", window)
                    .onFailure(e -> LOG.warn("callers.store.failed reason={}", e.getClass().getSimpleName()));
            calledBefore.put(contactId, before);
            LOG.info("callers.seen contact={} calledBefore={}", contactId, before);
            vertx.eventBus().publish(Addresses.CALLER_HISTORY, history(contactId, before));
        });
    }

    private void asked(Message<JsonObject> question) {
        String contactId = question.body().getString("contactId");
        Boolean before = contactId == null ? null : calledBefore.get(contactId);
        question.reply(before == null ? new JsonObject().put("contactId", contactId) : history(contactId, before));
    }

    private JsonObject history(String contactId, boolean before) {
        return new JsonObject().put("contactId", contactId).put("calledBefore", before).put("withinDays", window.toDays());
    }
}
