package org.helpline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.referral.ReferralFixture;
import org.helpline.telephony.FakeAsterisk;
import org.helpline.testing.Api;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.LogCapture;
import org.helpline.testing.RedisServer;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestPartner;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A distinctive phone number, name and sentence go through a call (as the caller id, and in Asterisk's own
 * events), a chat and a referral. Afterwards they are nowhere: not in any log line (the helpline's loggers
 * at TRACE, the audit log too), not in any Redis key or value, not in the metrics, not in the statistics;
 * before the partner acknowledges, only inside the sealed referral payload.
 */
@DisplayName("privacy canary")
class CanaryTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    private static final String PHONE = "0799 123 987";
    private static final String NAME = "Ilinca Zamfirescu-Oprea";
    private static final String SENTENCE = "Pasaportul meu e la omul cu geaca verde din Rotterdam";
    /** Every form the canary could take once written somewhere. */
    private static final List<String> TRACES = List.of("0799123987", "799123987", "799 123 987", "+40799123987",
            "40799123987", "Zamfirescu", "Ilinca", "geaca verde", "Pasaportul meu", "Rotterdam");
    private static final String CALL_CHANNEL = "PJSIP/carrier-0000002a";

    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock(); // Monday 11:00 in Bucharest: the line is open
    private LogCapture log;
    private TestPartner partner;
    private FakeAsterisk asterisk;
    private TestServer server;
    private int agiPort;

    @BeforeEach
    void start() {
        log = new LogCapture();
        partner = TestPartner.up();
        partner.answer(TestPartner.Answer.FAIL_503);
        asterisk = new FakeAsterisk();
        agiPort = TestServer.freePort();
        String yaml = """
                store: { type: redis, redis: { url: "%s", password: "%s", keyPrefix: "%s" } }
                telephony:
                  agi: { port: %d }
                  ami: { port: %d, password: %s, retryMin: 50ms, retryMax: 200ms }
                  repeatCallers: { enabled: true, currentKey: k1, keys: { k1: "${CANARY_K1:-%s}" } }
                chat: { sweepInterval: 20ms }
                privacy: { sweepEvery: 50ms }
                """.formatted(REDIS.url(), REDIS.password(), REDIS.keyPrefix(), agiPort, asterisk.amiPort(),
                FakeAsterisk.AMI_PASSWORD, ReferralFixture.KEY_K2) + ReferralFixture.yaml(partner.endpoint(), "");
        Account ana = new Account("ana", Role.OPERATOR, new PasswordHash(1000).hash(TestServer.PASSWORD), Set.of("ro"),
                Set.of(Channel.CALL, Channel.CHAT), null, "2001", "Ana", false);
        server = TestServer.start(dir, clock, yaml, List.of(ana, TestServer.supervisor("sofia")));
        Eventually.until(() -> {
            JsonObject health = new JsonObject(server.monitor("/health").bodyAsString()).getJsonObject("dependencies");
            return "UP".equals(health.getJsonObject("ami").getString("status"))
                    && "UP".equals(health.getJsonObject("agi").getString("status"));
        }, "AMI and AGI up");
    }

    @AfterEach
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        asterisk.close();
        partner.close();
        log.close();
    }

    @Test
    void theCanaryIsFoundNowhereButInsideTheSealedPayloadBeforeAcknowledgement() {
        SocketProbe console = server.console("ana");
        console.next("welcome");
        console.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 0));
        console.next("ack");

        // 1. a call: the caller id is the canary; Asterisk's hang-up event carries the number and the name too
        Eventually.until(() -> asterisk.inboundCall(agiPort, PHONE, CALL_CHANNEL, "ro"),
                "the call is queued (the telephony room has heard of Ana)");
        String call = console.next(m -> "offer".equals(m.getString("type"))
                && "call".equals(m.getJsonObject("contact").getString("channel")), "the call offered to Ana")
                .getJsonObject("contact").getString("id");
        asterisk.hangUp(CALL_CHANNEL, PHONE.replace(" ", ""), NAME);
        console.next(m -> "contact".equals(m.getString("type")) && call.equals(m.getJsonObject("contact").getString("id"))
                && "abandoned".equals(m.getJsonObject("contact").getString("state")), "the call abandoned");

        // 2. a chat: the caller types their name and the sentence
        SocketProbe caller = SocketProbe.connect(server.sockets(), server.options("/chat/ws"));
        caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "abroad_in_trouble")
                .put("danger", false));
        caller.next("started");
        String chat = console.next("offer").getJsonObject("contact").getString("id");
        console.send(new JsonObject().put("type", "accept").put("contactId", chat).put("id", 1));
        caller.next("connected");
        caller.send(new JsonObject().put("type", "say").put("text", "Ma numesc " + NAME + ". " + SENTENCE + ". Numarul meu: "
                + PHONE).put("id", 1));
        console.next("message");
        console.send(new JsonObject().put("type", "say").put("contactId", chat).put("text", "Multumesc, " + NAME)
                .put("id", 2));
        caller.next("message");
        console.send(new JsonObject().put("type", "end").put("contactId", chat).put("id", 3));
        caller.next("ended");
        console.send(new JsonObject().put("type", "wrapUp").put("contactId", chat).put("outcome", "referred").put("id", 4));
        console.next(m -> "contact".equals(m.getString("type")) && "closed".equals(m.getJsonObject("contact").getString("state")),
                "the chat closed");
        caller.close();
        clock.advance(Duration.ofMinutes(3)); // past the reconnect window: the transcript goes
        Eventually.until(() -> redisHolds().stream().noneMatch(CanaryTest::hasCanary), "the transcript is deleted from Redis");

        // 3. a referral: the canary as the consented way to reach the person, and in the summary
        JsonObject request = ReferralFixture.adultWithConsent()
                .put("reach", new JsonObject().put("way", "phone").put("value", PHONE).put("window", "dupa ora 18"))
                .put("summary", NAME + ": " + SENTENCE);
        JsonObject opened = Api.json(new Api(server, "ana").post("/api/referrals", request));
        String reference = opened.getJsonObject("referral").getString("reference");
        Eventually.until(() -> partner.received().size() == 1, "a first attempt, refused by the partner");

        // before acknowledgement: only inside the sealed payload
        assertThat(redisHolds()).noneMatch(CanaryTest::hasCanary);
        String sealed = referralRecord(reference).getString("payload");
        FieldCipher cipher = new FieldCipher("k1", Map.of("k1", Base64.getDecoder().decode(ReferralFixture.KEY_K1)));
        String payload = new String(cipher.open(sealed, reference), StandardCharsets.UTF_8);
        assertThat(payload).contains(PHONE).contains(NAME).contains(SENTENCE);

        // acknowledged: the payload goes too
        partner.answer(TestPartner.Answer.ACCEPT);
        clock.advance(Duration.ofSeconds(30));
        Eventually.until(() -> "delivered".equals(referralRecord(reference).getString("state")), "delivered");
        assertThat(referralRecord(reference).containsKey("payload")).isFalse();
        assertThat(partner.received().getLast().text()).as("the partner got it").contains(NAME);

        // and nowhere at all
        List<String> everything = new ArrayList<>(redisHolds());
        everything.add(server.monitor("/metrics").bodyAsString());
        everything.add(new Api(server, "sofia").get("/api/statistics.csv?from=2026-11-23&to=2026-11-23").body());
        everything.add(new Api(server, "sofia").get("/api/referrals").body());
        everything.add(log.text());
        for (String place : everything) {
            for (String trace : TRACES) {
                assertThat(place).as("a place the canary must not be").doesNotContain(trace);
            }
        }
        assertThat(everything.get(everything.size() - 3)).as("the statistics did count the contacts")
                .contains("outcome,abandoned,1").contains("outcome,referred,1").contains("referral_route,adult,1");
        assertThat(log.text()).as("the log did see the call").contains("callers.seen").contains("referral.delivered");
        assertThat(redisHolds()).as("the repeat-caller hash is there, keyed").anyMatch(k -> k.matches(".*caller:k1:[0-9a-f]{64}"));
    }

    private static boolean hasCanary(String text) {
        return TRACES.stream().anyMatch(text::contains);
    }

    private JsonObject referralRecord(String reference) {
        Object value = REDIS.call("GET", REDIS.keyPrefix() + "value:referral:" + reference);
        return new JsonObject((String) value);
    }

    /** Every key under the test's prefix and everything it holds, whatever its type. */
    private List<String> redisHolds() {
        List<String> holds = new ArrayList<>();
        for (String key : REDIS.keys()) {
            holds.add(key);
            switch ((String) REDIS.call("TYPE", key)) {
                case "string" -> holds.add(String.valueOf(REDIS.call("GET", key)));
                case "zset" -> holds.add(String.valueOf(REDIS.call("ZRANGE", key, "0", "-1", "WITHSCORES")));
                case "hash" -> holds.add(String.valueOf(REDIS.call("HGETALL", key)));
                case "list" -> holds.add(String.valueOf(REDIS.call("LRANGE", key, "0", "-1")));
                case "set" -> holds.add(String.valueOf(REDIS.call("SMEMBERS", key)));
                case "stream" -> holds.add(String.valueOf(REDIS.call("XRANGE", key, "-", "+")));
                default -> holds.add("expired meanwhile");
            }
        }
        return holds;
    }
}
