package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.helpline.core.Addresses;
import org.helpline.core.Presence;
import org.helpline.privacy.RepeatCallers;
import org.helpline.store.MemoryStore;
import org.helpline.testing.FakeClock;
import org.helpline.testing.LogCapture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("repeat callers")
@ExtendWith(VertxExtension.class)
class RepeatCallerTest {
    static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    private static final String ON = "  repeatCallers: { enabled: true, window: 30d, currentKey: k1, keys: { k1: \"${K1:-" + KEY + "}\" } }";

    private final FakeClock monday = new FakeClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final MemoryStore store = new MemoryStore(monday);
    private final BlockingQueue<JsonObject> histories = new LinkedBlockingQueue<>();
    private TelephonyRoom room;

    @BeforeEach
    void open(Vertx vertx) {
        vertx.eventBus().<JsonObject>consumer(Addresses.CALLER_HISTORY, m -> histories.add(m.body())).completion().await();
        vertx.deployVerticle(new RepeatCallers(store, Duration.ofDays(30))).await();
        room = TelephonyRoom.start(vertx, monday, ON).ready();
        room.signIn("op-1", Presence.PAUSED, "2001", "ro");
    }

    @AfterEach
    void close() throws Exception {
        room.close();
    }

    /** A call from {@code callerId} goes through the inbound script and holds; returns its contact id. */
    private String callFrom(String callerId) throws Exception {
        return room.holdingFrom(callerId, TelephonyRoom.CALLER, "ro");
    }

    private JsonObject nextHistory() throws InterruptedException {
        JsonObject history = histories.poll(5, TimeUnit.SECONDS);
        assertThat(history).as("a caller-history event").isNotNull();
        return history;
    }

    @Test
    void tellsOnlyWhetherTheCallerCalledBeforeWithinTheWindow() throws Exception {
        String first = callFrom("0721234567");
        assertThat(nextHistory()).isEqualTo(new JsonObject().put("contactId", first).put("calledBefore", false).put("withinDays", 30));

        String again = callFrom("+40 721 234 567");
        assertThat(nextHistory().getBoolean("calledBefore")).isTrue();
        JsonObject asked = room.vertx.eventBus().<JsonObject>request(Addresses.CALLER_HISTORY_ASK,
                new JsonObject().put("contactId", again)).await().body();
        assertThat(asked.getBoolean("calledBefore")).isTrue();

        callFrom("0721999888");
        assertThat(nextHistory().getBoolean("calledBefore")).as("another number").isFalse();

        monday.advance(Duration.ofDays(30));
        callFrom("0721234567");
        assertThat(nextHistory().getBoolean("calledBefore")).as("after the window").isFalse();
    }

    @Test
    void keepsOnlyKeyedHashesAndLogsNoNumber() throws Exception {
        try (LogCapture log = new LogCapture()) {
            callFrom("anonymous");
            String numbered = callFrom("0721234567");
            assertThat(nextHistory().getString("contactId")).as("a withheld number gives no event").isEqualTo(numbered);

            assertThat(store.entries("caller:").await().entrySet()).singleElement().satisfies(entry -> {
                assertThat(entry.getKey()).matches("caller:k1:[0-9a-f]{64}");
                assertThat(entry.getValue()).isEqualTo("1");
            });
            assertThat(log.text()).doesNotContain("721234567").doesNotContain("anonymous");
        }
    }

    @Test
    void aRotatedKeyStillRecognisesCallersAndMovesTheirHashToTheNewKey(Vertx vertx) throws Exception {
        String first = callFrom("0721234567");
        assertThat(nextHistory().getString("contactId")).isEqualTo(first);
        String oldKey = store.entries("caller:").await().keySet().iterator().next();

        // what telephony sends after the rotation: the hash under the new key first, then under the old one
        vertx.eventBus().send(Addresses.CALLER_SEEN, new JsonObject().put("contactId", "after-rotation")
                .put("digests", new io.vertx.core.json.JsonArray().add("k2:" + "ab".repeat(32)).add(oldKey.substring("caller:".length()))));

        assertThat(nextHistory().getBoolean("calledBefore")).isTrue();
        assertThat(store.entries("caller:").await()).containsOnlyKeys("caller:k2:" + "ab".repeat(32));
    }
}
