package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.helpline.core.Addresses;
import org.helpline.core.ChangeReason;
import org.helpline.core.Channel;
import org.helpline.core.HelplineEvent.OperatorChanged;
import org.helpline.core.Operator;
import org.helpline.core.OperatorProfile;
import org.helpline.core.OperatorState;
import org.helpline.core.Presence;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What telephony tells the supervisor view about calls going around the consoles. */
@DisplayName("phone line watch")
@ExtendWith(VertxExtension.class)
class PhoneLineWatchTest {
    private final FakeClock monday = new FakeClock(Instant.parse("2026-11-23T09:00:00Z"));
    private final List<JsonObject> heard = new CopyOnWriteArrayList<>();
    private TelephonyRoom room;

    @AfterEach
    void stop() throws Exception {
        if (room != null) {
            room.close();
        }
    }

    @Test
    void aCallSentToTheFallbackQueueAndALostAmiLinkArePublished(Vertx vertx) throws Exception {
        // no dispatch behind the room: the inbound script cannot queue the call and answers fallback
        room = TelephonyRoom.start(vertx, monday, "", false, new TestAmi("secret")).ready();
        vertx.eventBus().<JsonObject>consumer(Addresses.PHONE_LINE, m -> heard.add(m.body())).completion().await();
        Operator signedIn = new Operator(new OperatorProfile("op-1", Set.of("ro"), Set.of(Channel.CALL), 1, "2001"),
                Presence.AVAILABLE, OperatorState.AVAILABLE, null, monday.instant(), monday.instant(), 0, 0);
        vertx.eventBus().publish(Addresses.OPERATOR_EVENTS, new OperatorChanged(signedIn, ChangeReason.PRESENCE));
        TelephonyRoom.eventually(() -> room.telephony.roster().operator("op-1").isPresent(), "the room hears the operator");

        JsonObject before = vertx.eventBus().<JsonObject>request(Addresses.PHONE_LINE_ASK, null).await().body();
        assertThat(before.getJsonObject("ami").getBoolean("up")).isTrue();
        assertThat(before.getJsonObject("agi").getBoolean("up")).isTrue();
        assertThat(before.getLong("fallbacks")).isZero();
        assertThat(before.getString("lastFallbackAt")).isNull();

        try (AgiCall call = room.call("inbound", TelephonyRoom.CALLER, "ro", "normal")) {
            call.set("HELPLINE_ACTION", "fallback").ends();
        }

        TelephonyRoom.eventually(() -> heard.stream().anyMatch(h -> h.getLong("fallbacks") == 1), "the fallback call published");
        JsonObject after = heard.getLast();
        assertThat(after.getString("lastFallbackAt")).isEqualTo(monday.instant().toString());
        assertThat(after.encode()).as("nothing about the caller").doesNotContain("sipp", "PJSIP");

        room.ami.close();
        TelephonyRoom.eventually(() -> heard.stream().anyMatch(h -> !h.getJsonObject("ami").getBoolean("up")),
                "the lost AMI link published");
        assertThat(heard.getLast().getJsonObject("ami").getString("reason")).isNotBlank();
    }
}
