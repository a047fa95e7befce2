package org.helpline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.helpline.referral.ReferralFixture;
import org.helpline.testing.Api;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.LogCapture;
import org.helpline.testing.TestPartner;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("referral API")
class ReferralRoutesTest {
    @TempDir
    Path dir;
    private final FakeClock clock = new FakeClock();

    @Nested
    @DisplayName("switched on")
    class On {
        private TestPartner partner;
        private TestServer server;

        @BeforeEach
        void start() {
            partner = TestPartner.up();
            server = TestServer.start(dir, clock, ReferralFixture.yaml(partner.endpoint(), ""),
                    List.of(TestServer.operator("ana", "ro"), TestServer.operator("bogdan", "ro"), TestServer.supervisor("sofia")));
        }

        @AfterEach
        void stop() {
            server.close();
            partner.close();
        }

        @Test
        void anOperatorGetsTheDecisionWithItsReasonsAndTheReference() {
            HttpResponse<String> response = new Api(server, "ana").post("/api/referrals", ReferralFixture.minorWithoutConsent());

            assertThat(response.statusCode()).isEqualTo(201);
            JsonObject body = Api.json(response);
            assertThat(body.getString("type")).isEqualTo("referral_decision");
            assertThat(body.getJsonObject("decision").getString("outcome")).isEqualTo("referred");
            assertThat(body.getJsonObject("decision").getString("route")).isEqualTo("child");
            assertThat(body.getJsonObject("decision").getJsonObject("partner").getString("id")).isEqualTo("dgaspc-cj");
            assertThat(body.getJsonObject("decision").getJsonArray("reasons")).isNotEmpty();
            assertThat(body.getJsonObject("referral").getString("reference")).startsWith("HLP-");
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        }

        @Test
        void aDecisionWithoutReferralIsAnsweredWith200AndNoReference() {
            JsonObject request = ReferralFixture.adultWithConsent().put("consent", new JsonObject().put("given", false));
            request.remove("reach");

            HttpResponse<String> response = new Api(server, "ana").post("/api/referrals", request);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(Api.json(response).getJsonObject("decision").getString("outcome")).isEqualTo("no_consent");
            assertThat(Api.json(response).containsKey("referral")).isFalse();
        }

        @Test
        void refusesWhatTheRecordDoesNotHold() {
            HttpResponse<String> response = new Api(server, "ana").post("/api/referrals",
                    ReferralFixture.adultWithConsent().put("name", "Ion Popescu"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Api.json(response).getString("code")).isEqualTo("unknown_field");
            assertThat(Api.json(response).getString("field")).as("the field at fault, for the form").isEqualTo("name");
            HttpResponse<String> empty = new Api(server, "ana").post("/api/referrals", new JsonObject());
            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(Api.json(empty).getString("field")).isEqualTo("age");
            HttpResponse<String> badWay = new Api(server, "ana").post("/api/referrals", ReferralFixture.adultWithConsent()
                    .put("reach", new JsonObject().put("way", "pigeon").put("value", "x").put("window", "y")));
            assertThat(Api.json(badWay).getString("field")).isEqualTo("reach.way");
        }

        @Test
        void refusesAnIndicatorTheGuidanceDoesNotHave() {
            HttpResponse<String> response = new Api(server, "ana").post("/api/referrals", ReferralFixture.adultWithConsent()
                    .put("indicators", new io.vertx.core.json.JsonArray().add("retention_of_documents").add("made_up_sign")));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Api.json(response).getString("field")).isEqualTo("indicators");
            assertThat(Api.json(response).getString("message")).contains("made_up_sign");
        }

        @Test
        void onlyOperatorsOpenReferrals() {
            HttpResponse<String> response = new Api(server, "sofia").post("/api/referrals", ReferralFixture.adultWithConsent());

            assertThat(response.statusCode()).isEqualTo(403);
        }

        @Test
        void operatorsSeeTheirOwnStatusesSupervisorsAllAndTheyAreAudited() {
            String anas = Api.json(new Api(server, "ana").post("/api/referrals", ReferralFixture.adultWithConsent()))
                    .getJsonObject("referral").getString("reference");
            new Api(server, "bogdan").post("/api/referrals", ReferralFixture.minorWithoutConsent());

            JsonObject mine = Api.json(new Api(server, "ana").get("/api/referrals"));
            assertThat(mine.getJsonArray("referrals")).hasSize(1);
            assertThat(mine.getJsonArray("referrals").getJsonObject(0).getString("reference")).isEqualTo(anas);
            assertThat(mine.encode()).doesNotContain("Construction").doesNotContain("+31");

            try (LogCapture log = new LogCapture()) {
                JsonObject all = Api.json(new Api(server, "sofia").get("/api/referrals"));
                assertThat(all.getJsonArray("referrals")).hasSize(2);
                assertThat(log.text()).contains("account=sofia action=viewed what=referral_statuses count=2");
            }
        }

        @Test
        void aSupervisorErasesAReferralByReference() {
            String reference = Api.json(new Api(server, "ana").post("/api/referrals", ReferralFixture.adultWithConsent()))
                    .getJsonObject("referral").getString("reference");

            assertThat(new Api(server, "ana").delete("/api/referrals/" + reference).statusCode()).isEqualTo(403);
            try (LogCapture log = new LogCapture()) {
                assertThat(new Api(server, "sofia").delete("/api/referrals/" + reference).statusCode()).isEqualTo(204);
                assertThat(log.text()).contains("account=sofia action=erased what=referral reference=" + reference);
            }
            HttpResponse<String> again = new Api(server, "sofia").delete("/api/referrals/" + reference);
            assertThat(again.statusCode()).isEqualTo(404);
            assertThat(Api.json(again).getString("code")).isEqualTo("unknown_referral");
            assertThat(Api.json(new Api(server, "ana").get("/api/referrals")).getJsonArray("referrals")).isEmpty();
        }

        @Test
        void aNeighboursReportOfAChildIsNotifiedToTheAgencyAndToChildProtection() {
            JsonObject report = ReferralFixture.neighbourReporting().put("age", "minor").put("missingChild", true);

            HttpResponse<String> response = new Api(server, "ana").post("/api/referrals", report);

            assertThat(response.statusCode()).isEqualTo(201);
            JsonObject body = Api.json(response);
            JsonObject decision = body.getJsonObject("decision");
            assertThat(decision.getString("outcome")).isEqualTo("notified");
            assertThat(decision.getBoolean("missingChildFirst")).isTrue();
            assertThat(decision.getJsonArray("reasons").getJsonObject(0).getString("code")).isEqualTo("missing_child_first");
            assertThat(body.getJsonArray("referrals")).hasSize(2);
            JsonObject toAgency = body.getJsonArray("referrals").getJsonObject(0);
            JsonObject toChildProtection = body.getJsonArray("referrals").getJsonObject(1);
            assertThat(toAgency.getString("route")).isEqualTo("notification");
            assertThat(toAgency.getJsonObject("partner").getString("id")).isEqualTo("anitp");
            assertThat(toChildProtection.getString("route")).isEqualTo("child");
            assertThat(toChildProtection.getJsonObject("partner").getString("id")).isEqualTo("dgaspc-cj");
            assertThat(body.getJsonObject("referral")).as("the first, as before").isEqualTo(toAgency);

            Eventually.until(() -> partner.accepted().size() == 2, "both partners receive it");
            for (TestPartner.Received received : partner.received()) {
                JsonObject sent = new JsonObject(received.text());
                assertThat(sent.getString("type")).isEqualTo("notification");
                assertThat(sent.getString("basis")).isEqualTo("third_party");
                assertThat(sent.getBoolean("missingChild")).isTrue();
                assertThat(sent.getJsonObject("consent").getBoolean("given")).as("nobody consented for the child").isFalse();
                assertThat(sent.getJsonObject("reporter").getBoolean("consentToContact")).isTrue();
                assertThat(sent.getJsonObject("reporter").getString("recordedBy")).isEqualTo("ana");
                assertThat(sent.getJsonObject("reporter").getJsonObject("reach").getString("window")).isEqualTo("evenings");
                assertThat(sent.containsKey("reach")).as("no way to reach the child").isFalse();
            }
            assertThat(partner.received()).extracting(r -> new JsonObject(r.text()).getString("route"))
                    .containsExactlyInAnyOrder("notification", "child");
            assertThat(Api.json(new Api(server, "ana").get("/api/referrals")).getJsonArray("referrals")).hasSize(2);
        }

        @Test
        void aSurvivorsOwnAccountIsEnoughWithTheirConsent() {
            JsonObject survivor = ReferralFixture.adultWithConsent().put("basis", "self_identified")
                    .put("indicators", new io.vertx.core.json.JsonArray());

            HttpResponse<String> response = new Api(server, "ana").post("/api/referrals", survivor);

            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(Api.json(response).getJsonObject("decision").getJsonArray("reasons").getJsonObject(0).getString("code"))
                    .isEqualTo("self_identified");
            Eventually.until(() -> partner.accepted().size() == 1, "the partner receives it");
            assertThat(new JsonObject(partner.received().getFirst().text()).getString("basis")).isEqualTo("self_identified");
        }

        @Test
        void theFormListsWhatTheServerAccepts() {
            JsonObject form = Api.json(new Api(server, "ana").get("/api/referrals/form"));

            assertThat(form.getBoolean("enabled")).isTrue();
            assertThat(form.getJsonArray("kinds")).contains("labour", "sexual");
            assertThat(form.getJsonArray("counties")).hasSize(42)
                    .contains(new JsonObject().put("code", "CJ").put("name", "Cluj"), new JsonObject().put("code", "IS").put("name", "Iași"));
            assertThat(form.getInteger("summaryMaxLength")).isEqualTo(500);
            assertThat(form.getJsonArray("bases")).containsExactly("indicators", "self_identified", "third_party");
        }
    }

    @Test
    @DisplayName("switched off: 503 referrals_off")
    void switchedOff() {
        try (TestServer server = TestServer.start(dir, clock, "", List.of(TestServer.operator("ana", "ro")))) {
            HttpResponse<String> response = new Api(server, "ana").post("/api/referrals", ReferralFixture.adultWithConsent());

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(Api.json(response).getString("code")).isEqualTo("referrals_off");
            assertThat(Api.json(new Api(server, "ana").get("/api/referrals/form")).getBoolean("enabled")).isFalse();
        }
    }
}
