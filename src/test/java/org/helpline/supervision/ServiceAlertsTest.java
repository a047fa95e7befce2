package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The alerts other rooms report, as the referral desk and telephony publish them, on a fake clock. */
@DisplayName("alerts of the phone line and of referral deliveries")
class ServiceAlertsTest {
    private final FakeClock clock = new FakeClock();
    private final ServiceAlerts alerts = new ServiceAlerts();

    private List<JsonObject> shown() {
        JsonArray all = new JsonArray();
        alerts.tick(clock.instant());
        alerts.addTo(all, clock.instant());
        List<JsonObject> list = new ArrayList<>();
        all.forEach(a -> list.add((JsonObject) a));
        return list;
    }

    private static JsonObject delivery(String trouble, String noticed) {
        return new JsonObject().put("reference", "HLP-AAAA-BBBB-CCCC").put("route", "adult").put("partner", "anitp")
                .put("partnerName", "ANITP").put("attempts", 3).put("state", "given_up".equals(trouble) ? "failed" : "queued")
                .put("trouble", trouble).put("since", "2026-11-23T09:00:00Z").put("noticed", noticed);
    }

    private static JsonObject line(boolean amiUp, boolean agiUp, long fallbacks, Instant last) {
        return new JsonObject()
                .put("ami", new JsonObject().put("up", amiUp).put("reason", amiUp ? null : "cannot connect to 127.0.0.1:5038"))
                .put("agi", new JsonObject().put("up", agiUp).put("reason", agiUp ? null : "port 4573 taken"))
                .put("fallbacks", fallbacks).put("lastFallbackAt", last == null ? null : last.toString());
    }

    @Test
    void aFailingDeliveryAlertsUntilNoticedAndAgainWhenItIsGivenUp() {
        alerts.delivery(delivery("retrying", null));
        assertThat(shown()).singleElement().satisfies(a -> {
            assertThat(a.getString("kind")).isEqualTo("referral_failing");
            assertThat(a.fieldNames()).containsExactlyInAnyOrder("kind", "reference", "route", "partner", "attempts", "since");
            assertThat(a.getString("partner")).isEqualTo("ANITP");
        });

        alerts.delivery(delivery("retrying", "retrying"));
        assertThat(shown()).as("acknowledged").isEmpty();

        alerts.delivery(delivery("given_up", "retrying"));
        assertThat(shown()).singleElement().satisfies(a -> assertThat(a.getString("kind")).isEqualTo("referral_given_up"));

        alerts.delivery(delivery("given_up", "given_up"));
        assertThat(shown()).isEmpty();
    }

    @Test
    void aDeliveryThatGoesThroughEndsItsAlert() {
        alerts.delivery(delivery("retrying", null));
        alerts.delivery(delivery("none", null).put("state", "delivered"));
        assertThat(shown()).isEmpty();
    }

    @Test
    void eachLinkDownIsAnAlertWithItsReason() {
        alerts.phoneLine(line(false, true, 0, null));
        assertThat(shown()).singleElement().satisfies(a -> {
            assertThat(a.getString("kind")).isEqualTo("phone_line");
            assertThat(a.getString("cause")).isEqualTo("ami");
            assertThat(a.getString("reason")).contains("cannot connect");
        });

        alerts.phoneLine(line(false, false, 0, null));
        assertThat(shown()).extracting(a -> a.getString("cause")).containsExactly("ami", "agi");

        alerts.phoneLine(line(true, true, 0, null));
        assertThat(shown()).isEmpty();
    }

    @Test
    void callsSentToTheFallbackQueueAlertForTenMinutesAfterTheLastAndCountAfreshAfterwards() {
        alerts.phoneLine(line(true, true, 0, null));
        assertThat(shown()).isEmpty();

        alerts.phoneLine(line(true, true, 2, clock.instant()));
        assertThat(shown()).singleElement().satisfies(a -> {
            assertThat(a.getString("cause")).isEqualTo("fallback");
            assertThat(a.getLong("count")).isEqualTo(2);
        });

        clock.advance(ServiceAlerts.FALLBACK_RECENT);
        assertThat(shown()).as("ten minutes after the last: still shown").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(shown()).isEmpty();

        alerts.phoneLine(line(true, true, 3, clock.instant()));
        assertThat(shown()).singleElement().satisfies(a -> assertThat(a.getLong("count")).as("only the new one").isEqualTo(1));
    }
}
