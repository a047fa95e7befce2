package org.helpline.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.ReferralConfig;
import org.helpline.config.StoreConfig.RedisConfig;
import org.helpline.privacy.FieldCipher;
import org.helpline.store.HelplineStore;
import org.helpline.store.RedisStore;
import org.helpline.store.StoreUnavailable;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RedisServer;
import org.helpline.testing.TestPartner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The outbox against a real partner webhook (down, up, bad status, slow) and a real Redis, with time moved
 * by a fake clock: backoff and retention are decided by it, the outbox only polls.
 */
@DisplayName("referral outbox")
class ReferralOutboxTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    private final FakeClock clock = new FakeClock();
    private TestPartner partner;
    private ReferralConfig config;
    private Run run;

    /** One life of the server: its Vert.x, its store, its desk. */
    private record Run(Vertx vertx, HelplineStore store, ReferralDesk desk) {
        /** Starts once Redis answers: on a loaded machine a first connection can miss its 2 s deadline. */
        static Run start(ReferralConfig config, FakeClock clock, RedisConfig redis) {
            for (int tries = 1; ; tries++) {
                Vertx vertx = Vertx.vertx();
                HelplineStore store = new RedisStore(vertx, redis, clock);
                ReferralDesk desk = new ReferralDesk(config, store, clock, ReferralFixture.indicators());
                try {
                    vertx.deployVerticle(desk).await();
                    return new Run(vertx, store, desk);
                } catch (StoreUnavailable slow) {
                    vertx.close().await();
                    if (tries == 5) {
                        throw slow;
                    }
                }
            }
        }

        void stop() {
            vertx.undeploy(vertx.deploymentIDs().iterator().next()).await();
            store.close().await();
            vertx.close().await();
        }

        /** Dies at once: only what Redis acknowledged survives. */
        void crash() {
            vertx.close().await();
        }
    }

    @BeforeEach
    void start() {
        partner = TestPartner.down();
        config = ReferralFixture.config(partner.endpoint());
        run = Run.start(config, clock, REDIS.config());
    }

    @AfterEach
    void stop() {
        if (run != null) {
            run.crash();
        }
        partner.close();
    }

    private String open(JsonObject request) {
        ReferralDesk.Opened opened = run.desk().open(request, "ana").await();
        assertThat(opened.referred()).as("the rules refer this request").isTrue();
        assertThat(opened.reference()).matches(References.PATTERN);
        return opened.reference();
    }

    private JsonObject stored(String reference) {
        Object value = REDIS.call("GET", REDIS.keyPrefix() + "value:referral:" + reference);
        return value == null ? null : new JsonObject((String) value);
    }

    private JsonObject status(String reference) {
        return run.desk().statuses(null).await().stream()
                .filter(s -> s.getString("reference").equals(reference)).findFirst().orElse(null);
    }

    private void awaitStatus(String reference, String status) {
        Eventually.until(() -> status(reference) != null && status.equals(status(reference).getString("status")),
                reference + " " + status);
    }

    private void awaitAttempts(String reference, int attempts) {
        Eventually.until(() -> status(reference).getInteger("attempts") >= attempts, attempts + " attempts");
    }

    @Test
    @DisplayName("delivers a signed request with the reference as idempotency key, then keeps only status and timestamps")
    void deliversSignedThenKeepsOnlyTheStatus() {
        partner.start();
        String reference = open(ReferralFixture.adultWithConsent());

        awaitStatus(reference, "delivered");

        TestPartner.Received received = partner.received().getFirst();
        assertThat(received.idempotencyKey()).isEqualTo(reference);
        assertThat(received.contentType()).isEqualTo("application/json");
        assertThat(received.timestamp()).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(Signature.verify(ReferralFixture.SECRET, received.timestamp(), received.signature(), received.body(),
                clock.instant().getEpochSecond(), 300)).isTrue();
        JsonObject body = new JsonObject(received.text());
        assertThat(body.fieldNames()).containsExactlyInAnyOrder("reference", "createdAt", "type", "basis", "route", "age",
                "missingChild", "kind", "country", "county", "urgency", "needs", "consent", "reach", "summary");
        assertThat(body.getString("type")).isEqualTo("referral");
        assertThat(body.getString("basis")).isEqualTo("indicators");
        assertThat(body.getJsonObject("consent").getString("recordedBy")).isEqualTo("ana");
        assertThat(body.getJsonObject("reach").getString("value")).isEqualTo("+31 6 1234 5678");

        JsonObject kept = stored(reference);
        assertThat(kept.getString("state")).isEqualTo("delivered");
        assertThat(kept.containsKey("payload")).as("the payload is gone once acknowledged").isFalse();
        assertThat(kept.encode()).doesNotContain("+31 6 1234 5678").doesNotContain("Construction worker");
        assertThat(Instant.parse(kept.getString("expiresAt"))).isEqualTo(clock.instant().plus(Duration.ofDays(30)));
        long ttl = (Long) REDIS.call("PTTL", REDIS.keyPrefix() + "value:referral:" + reference);
        assertThat(ttl).isBetween(Duration.ofDays(29).toMillis(), Duration.ofDays(30).toMillis());
    }

    @Test
    @DisplayName("keeps the payload sealed at rest until it is acknowledged")
    void sealsThePayloadAtRest() {
        String reference = open(ReferralFixture.adultWithConsent());
        awaitAttempts(reference, 1);

        JsonObject kept = stored(reference);
        String sealed = kept.getString("payload");
        assertThat(sealed).startsWith("v1:k1:");
        assertThat(kept.encode()).doesNotContain("Construction").doesNotContain("+31 6").doesNotContain("weekdays");
        FieldCipher cipher = new FieldCipher("k1", Map.of("k1", java.util.Base64.getDecoder().decode(ReferralFixture.KEY_K1)));
        assertThat(new String(cipher.open(sealed, reference), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Construction worker").contains("+31 6 1234 5678");
    }

    @Test
    @DisplayName("loses nothing while the partner is down, retrying with a doubling pause")
    void aPartnerThatIsDownLosesNothing() {
        String reference = open(ReferralFixture.minorWithoutConsent());
        awaitAttempts(reference, 1);
        JsonObject first = status(reference);
        assertThat(first.getString("status")).isEqualTo("queued");
        assertThat(first.getString("lastProblem")).isNotBlank().doesNotContain("localhost");
        assertThat(Instant.parse(first.getString("nextAttemptAt"))).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(status(reference).getInteger("attempts")).as("not before the pause ends").isEqualTo(1);
        clock.advance(Duration.ofSeconds(1));
        awaitAttempts(reference, 2);
        assertThat(Instant.parse(status(reference).getString("nextAttemptAt"))).isEqualTo(clock.instant().plusSeconds(60));
        clock.advance(Duration.ofSeconds(60));
        awaitAttempts(reference, 3);
        assertThat(Instant.parse(status(reference).getString("nextAttemptAt"))).isEqualTo(clock.instant().plusSeconds(120));

        partner.start();
        clock.advance(Duration.ofSeconds(120));
        awaitStatus(reference, "delivered");
        assertThat(partner.accepted()).containsExactly(reference);
        assertThat(status(reference).getInteger("attempts")).isEqualTo(4);
    }

    @Test
    @DisplayName("retries after a bad status, and after a partner too slow to answer")
    void badStatusAndSlowPartnerAreRetried() {
        partner.start();
        partner.answer(TestPartner.Answer.FAIL_503);
        String unavailable = open(ReferralFixture.adultWithConsent());
        awaitAttempts(unavailable, 1);
        assertThat(status(unavailable).getString("lastProblem")).isEqualTo("HTTP 503");

        partner.answer(TestPartner.Answer.HOLD);
        clock.advance(Duration.ofSeconds(30));
        awaitAttempts(unavailable, 2);
        assertThat(status(unavailable).getString("lastProblem")).isEqualTo("no answer within 3000 ms");
        assertThat(status(unavailable).getString("status")).isEqualTo("queued");

        partner.answer(TestPartner.Answer.ACCEPT);
        clock.advance(Duration.ofSeconds(60));
        awaitStatus(unavailable, "delivered");
        assertThat(partner.received()).hasSize(3);
        assertThat(partner.received()).extracting(TestPartner.Received::idempotencyKey).containsOnly(unavailable);
        assertThat(partner.received()).extracting(TestPartner.Received::text).as("the same bytes each time").hasSize(3)
                .containsOnly(partner.received().getFirst().text());
    }

    @Test
    @DisplayName("a restart neither loses nor duplicates a referral")
    void aRestartNeitherLosesNorDuplicates() {
        String reference = open(ReferralFixture.adultWithConsent());
        awaitAttempts(reference, 1);
        run.crash();

        partner.start();
        run = Run.start(config, clock, REDIS.config());
        assertThat(run.desk().waiting().await()).isEqualTo(1);
        clock.advance(Duration.ofSeconds(30));
        awaitStatus(reference, "delivered");
        run.stop();

        run = Run.start(config, clock, REDIS.config());
        clock.advance(Duration.ofHours(1));
        assertThat(run.desk().waiting().await()).isZero();
        assertThat(status(reference).getString("status")).isEqualTo("delivered");
        assertThat(partner.received()).hasSize(1);
    }

    @Test
    @DisplayName("a crash after the partner took it, before its answer was recorded, sends it again harmlessly")
    void aCrashBeforeTheAcknowledgementWasRecordedIsHarmless() {
        partner.start();
        partner.answer(TestPartner.Answer.HOLD);
        String reference = open(ReferralFixture.adultWithConsent());
        Eventually.until(() -> partner.received().size() == 1, "the partner took the referral in");
        run.crash();

        partner.answer(TestPartner.Answer.ACCEPT);
        run = Run.start(config, clock, REDIS.config());
        // Closing Vert.x is not instant: the held request may fail first and record a retry after the pause.
        clock.advance(Duration.ofSeconds(30));
        awaitStatus(reference, "delivered");

        assertThat(partner.received()).hasSize(2);
        assertThat(partner.received()).extracting(TestPartner.Received::idempotencyKey).containsOnly(reference);
        assertThat(partner.received().get(1).text()).isEqualTo(partner.received().get(0).text());
        assertThat(partner.accepted()).containsExactly(reference);
        assertThat(partner.duplicates()).as("the partner recognised the repeat").isEqualTo(1);
    }

    @Test
    @DisplayName("gives up after giveUpAfter: the payload goes, supervisors see the failure until retention ends")
    void givesUpInTheEnd() {
        String reference = open(ReferralFixture.adultWithConsent());
        awaitAttempts(reference, 1);

        clock.advance(Duration.ofDays(1));
        awaitStatus(reference, "failed");

        JsonObject kept = stored(reference);
        assertThat(kept.containsKey("payload")).isFalse();
        assertThat(kept.getString("lastProblem")).contains("not acknowledged within 1 days");
        partner.start();
        clock.advance(Duration.ofHours(1));
        assertThat(run.desk().waiting().await()).isZero();
        assertThat(partner.received()).isEmpty();
    }

    @Test
    @DisplayName("tells the supervisor view when a delivery fails and when it is given up, and keeps who noticed across a restart")
    void publishesDeliveryTroubleForTheSupervisorView() {
        List<JsonObject> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        run.vertx().eventBus().<JsonObject>consumer(org.helpline.core.Addresses.REFERRAL_DELIVERIES, m -> heard.add(m.body()))
                .completion().await();
        String reference = open(ReferralFixture.adultWithConsent());

        Eventually.until(() -> heard.stream().anyMatch(h -> "retrying".equals(h.getString("trouble"))), "a failing delivery");
        JsonObject failing = heard.getLast();
        assertThat(failing.fieldNames()).as("ids, counts and states only")
                .containsExactlyInAnyOrder("reference", "route", "partner", "partnerName", "attempts", "state", "trouble", "since");
        assertThat(failing.getString("reference")).isEqualTo(reference);
        assertThat(failing.getString("partner")).isEqualTo("anitp");
        assertThat(failing.getInteger("attempts")).isEqualTo(1);
        assertThat(failing.encode()).doesNotContain("ana", "+31 6 1234 5678", "Construction worker");

        JsonObject noticed = run.vertx().eventBus().<JsonObject>request(org.helpline.core.Addresses.REFERRAL_NOTICE,
                new JsonObject().put("reference", reference)).await().body();
        assertThat(noticed.getString("noticed")).isEqualTo("retrying");
        Eventually.until(() -> "retrying".equals(heard.getLast().getString("noticed")), "the notice published");

        clock.advance(Duration.ofDays(1));
        Eventually.until(() -> "given_up".equals(heard.getLast().getString("trouble")), "the delivery given up");
        assertThat(heard.getLast().getString("noticed")).as("a new trouble: shown again").isEqualTo("retrying");

        run.stop();
        run = Run.start(config, clock, REDIS.config());
        JsonArray inTrouble = run.vertx().eventBus().<JsonArray>request(org.helpline.core.Addresses.REFERRAL_DELIVERIES_ASK, null)
                .await().body();
        assertThat(inTrouble).hasSize(1);
        assertThat(inTrouble.getJsonObject(0).getString("trouble")).isEqualTo("given_up");
        assertThat(inTrouble.getJsonObject(0).getString("noticed")).isEqualTo("retrying");

        run.vertx().eventBus().request(org.helpline.core.Addresses.REFERRAL_NOTICE, new JsonObject().put("reference", reference)).await();
        JsonArray afterNotice = run.vertx().eventBus().<JsonArray>request(org.helpline.core.Addresses.REFERRAL_DELIVERIES_ASK, null)
                .await().body();
        assertThat(afterNotice.getJsonObject(0).getString("noticed")).isEqualTo("given_up");
        assertThatThrownBy(() -> run.vertx().eventBus().request(org.helpline.core.Addresses.REFERRAL_NOTICE,
                new JsonObject().put("reference", "HLP-0000-0000-0000")).await())
                .isInstanceOf(io.vertx.core.eventbus.ReplyException.class);
    }

    @Test
    @DisplayName("forgets a record once its retention has passed")
    void retentionEnds() {
        partner.start();
        String reference = open(ReferralFixture.adultWithConsent());
        awaitStatus(reference, "delivered");

        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(run.desk().sweep().await()).isZero();
        assertThat(stored(reference)).isNotNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(run.desk().sweep().await()).isEqualTo(1);

        assertThat(stored(reference)).isNull();
        assertThat(run.desk().statuses(null).await()).isEmpty();
    }

    @Test
    @DisplayName("erasure by reference removes everything, and nothing is sent afterwards")
    void erasureByReference() {
        String reference = open(ReferralFixture.adultWithConsent());
        awaitAttempts(reference, 1);

        assertThat(run.desk().erase(reference).await()).isTrue();
        assertThat(run.desk().erase(reference).await()).isFalse();
        Eventually.until(() -> stored(reference) == null, "the record is deleted from Redis");
        partner.start();
        clock.advance(Duration.ofMinutes(5));
        assertThat(run.desk().statuses(null).await()).isEmpty();
        assertThat(partner.received()).isEmpty();
    }

    @Test
    @DisplayName("a rotated key still opens what the old one sealed; new payloads use the new key")
    void keyRotation() {
        String before = open(ReferralFixture.adultWithConsent());
        awaitAttempts(before, 1);
        run.stop();

        ReferralConfig rotated = ReferralFixture.load(ReferralFixture.yaml(partner.endpoint(),
                "  encryption: { currentKey: k2, keys: { k1: \"${TEST_K1:-" + ReferralFixture.KEY_K1
                        + "}\", k2: \"${TEST_K2:-" + ReferralFixture.KEY_K2 + "}\" } }")).referral();
        run = Run.start(rotated, clock, REDIS.config());
        String after = open(ReferralFixture.minorWithoutConsent());
        awaitAttempts(after, 1);
        assertThat(stored(after).getString("payload")).startsWith("v1:k2:");
        assertThat(stored(before).getString("payload")).startsWith("v1:k1:");

        partner.start();
        clock.advance(Duration.ofMinutes(5));
        awaitStatus(before, "delivered");
        awaitStatus(after, "delivered");
    }

    @Test
    @DisplayName("operators see their own referrals, status only; supervisors see all")
    void statusesByWhoAsks() {
        String mine = open(ReferralFixture.adultWithConsent());
        ReferralDesk.Opened other = run.desk().open(ReferralFixture.minorWithoutConsent(), "bogdan").await();
        awaitAttempts(mine, 1);

        List<JsonObject> anas = run.desk().statuses("ana").await();
        assertThat(anas).singleElement().satisfies(s -> {
            assertThat(s.getString("reference")).isEqualTo(mine);
            assertThat(s.fieldNames()).containsExactlyInAnyOrder("reference", "status", "route", "partner", "createdAt",
                    "updatedAt", "attempts");
        });
        assertThat(run.desk().statuses(null).await()).extracting(s -> s.getString("reference"))
                .containsExactly(other.reference(), mine);
        assertThat(run.desk().statuses(null).await().getFirst().getString("operator")).isEqualTo("bogdan");
    }
}
