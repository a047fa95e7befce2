package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.referral.ReferralFixture;
import org.helpline.testing.Api;
import org.helpline.testing.Browser;
import org.helpline.testing.FakeClock;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestPartner;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** A referral whose partner is down, as the supervisor stream shows it: failing, acknowledged, given up. */
@DisplayName("referral delivery alerts on /supervisor/ws")
class ReferralAlertsTest {
    private final FakeClock clock = new FakeClock();
    private TestPartner partner;
    private TestServer server;

    @BeforeEach
    void start(@TempDir Path dir) {
        partner = TestPartner.down();
        server = TestServer.start(dir, clock, ReferralFixture.yaml(partner.endpoint(), ""),
                List.of(TestServer.operator("ana", "ro"), TestServer.supervisor("sofia")));
    }

    @AfterEach
    void stop() {
        try {
            server.close();
        } finally {
            partner.close();
        }
    }

    private static JsonObject alertOf(JsonObject message, String kind) {
        JsonArray alerts = message.getJsonArray("alerts");
        if (alerts == null) {
            return null;
        }
        return alerts.stream().map(JsonObject.class::cast).filter(a -> kind.equals(a.getString("kind"))).findFirst().orElse(null);
    }

    @Test
    void aFailingDeliveryAlertsUntilAcknowledgedAndAgainOnceGivenUp() {
        String reference = Api.json(new Api(server, "ana").post("/api/referrals", ReferralFixture.adultWithConsent()))
                .getJsonObject("referral").getString("reference");
        SocketProbe sofia = SocketProbe.connect(server.sockets(),
                server.options("/supervisor/ws").addHeader("Cookie", server.login("sofia")));
        JsonObject snapshot = sofia.next("snapshot");

        JsonObject failing = alertOf(alertOf(snapshot, "referral_failing") != null ? snapshot
                : sofia.next(m -> alertOf(m, "referral_failing") != null, "the failing delivery's alert"), "referral_failing");
        assertThat(failing.getString("reference")).isEqualTo(reference);
        assertThat(failing.getString("partner")).isEqualTo("ANITP (test)");
        assertThat(failing.getString("route")).isEqualTo("adult");
        assertThat(failing.getInteger("attempts")).isEqualTo(1);
        assertThat(failing.encode()).as("no operator, nothing of the referral's content").doesNotContain("ana", "+31");

        List<String> audit = AuditLogTest.capture(() -> {
            sofia.send(new JsonObject().put("type", "noticeReferral").put("id", 5).put("reference", reference));
            // the ack and the update without the alert, in either order
            boolean acknowledged = false;
            boolean gone = false;
            while (!acknowledged || !gone) {
                JsonObject next = sofia.next(m -> "ack".equals(m.getString("type")) || "error".equals(m.getString("type"))
                        || (m.containsKey("alerts") && alertOf(m, "referral_failing") == null), "the ack and the alert gone");
                assertThat(next.getString("type")).as("answered %s", next).isNotEqualTo("error");
                acknowledged |= "ack".equals(next.getString("type")) && Integer.valueOf(5).equals(next.getInteger("id"));
                gone |= next.containsKey("alerts");
            }
        });
        assertThat(audit).singleElement().asString().contains("supervisor=sofia action=notice_referral referral=" + reference
                + " result=ok");

        clock.advance(Duration.ofDays(1));
        JsonObject givenUp = alertOf(sofia.next(m -> alertOf(m, "referral_given_up") != null, "the given-up alert"),
                "referral_given_up");
        assertThat(givenUp.getString("reference")).isEqualTo(reference);
        assertThat(server.monitor("/metrics").bodyAsString()).contains("helpline_alerts{kind=\"referral_given_up\"} 1.0",
                "helpline_alerts{kind=\"referral_failing\"} 0.0", "helpline_alerts{kind=\"phone_line\"} 0.0");

        sofia.send(new JsonObject().put("type", "noticeReferral").put("id", 6).put("reference", "HLP-0000-0000-0000"));
        assertThat(sofia.next("error").getString("code")).isEqualTo("unknown_referral");
    }

    @Test
    void theViewShowsTheFailingDeliveryAndAcknowledgeTakesItAwayUntilItIsGivenUp() {
        String reference = Api.json(new Api(server, "ana").post("/api/referrals", ReferralFixture.adultWithConsent()))
                .getJsonObject("referral").getString("reference");
        try (Browser browser = Browser.start()) {
            browser.driver().get("http://localhost:" + server.port() + "/supervisor/");
            browser.await(d -> d.findElement(By.id("login-name")).isDisplayed());
            browser.driver().findElement(By.id("login-name")).sendKeys("sofia");
            browser.driver().findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);

            String failing = "#alerts li[data-kind=referral_failing][data-reference='" + reference + "']";
            browser.await(d -> alertText(browser, failing)
                    .contains("Referral of an adult, reference " + reference + ", to ANITP (test): delivery failing, 1 attempt so far"));
            browser.await(d -> Boolean.TRUE.equals(browser.script(
                    "const b = document.querySelector(arguments[0]); if (b) b.click(); return !!b;", failing + " button.notice-referral")));
            browser.await(d -> d.findElements(By.cssSelector(failing)).isEmpty());
            browser.await(d -> d.findElement(By.id("action-status")).getText().contains("is acknowledged"));

            clock.advance(Duration.ofDays(1));
            browser.await(d -> alertText(browser, "#alerts li[data-kind=referral_given_up]")
                    .contains("delivery given up after 1 attempt. Tell the partner another way"));
        }
    }

    /** Read in one go by the page: the list is drawn anew whenever an alert changes. */
    private static String alertText(Browser browser, String css) {
        return (String) browser.script("return [...document.querySelectorAll(arguments[0])].map(li => li.textContent).join('\\n')", css);
    }
}
