package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.referral.ReferralFixture;
import org.helpline.telephony.FakeAsterisk;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** "Called before" on the console, from a call placed through Asterisk's FastAGI with repeat-caller detection on. */
@DisplayName("operator console: called before")
class ConsoleCallerHistoryPageTest extends ConsolePageTests {
    private static final String NUMBER = "0721 234 567";

    private FakeAsterisk asterisk;
    private int agiPort;

    @Override
    protected TestServer serve(Path dir) {
        asterisk = new FakeAsterisk();
        agiPort = TestServer.freePort();
        String yaml = """
                telephony:
                  agi: { port: %d }
                  ami: { port: %d, password: %s, retryMin: 50ms, retryMax: 200ms }
                  repeatCallers: { enabled: true, window: 30d, currentKey: k1, keys: { k1: "${CONSOLE_K1:-%s}" } }
                """.formatted(agiPort, asterisk.amiPort(), FakeAsterisk.AMI_PASSWORD, ReferralFixture.KEY_K2);
        Account ana = new Account("ana", Role.OPERATOR, new PasswordHash(1000).hash(TestServer.PASSWORD), Set.of("ro"),
                Set.of(Channel.CALL), null, "2001", "Ana", false, "en");
        TestServer started = TestServer.start(dir, new FakeClock(), yaml, List.of(ana));
        Eventually.until(() -> {
            JsonObject health = new JsonObject(started.monitor("/health").bodyAsString()).getJsonObject("dependencies");
            return "UP".equals(health.getJsonObject("ami").getString("status"))
                    && "UP".equals(health.getJsonObject("agi").getString("status"));
        }, "AMI and AGI up");
        return started;
    }

    @AfterEach
    void closeAsterisk() throws Exception {
        asterisk.close();
    }

    private void callFrom(String number, String channel) {
        Eventually.until(() -> asterisk.inboundCall(agiPort, number, channel, "ro"), "the call is queued");
    }

    @Test
    void aCallerWhoCalledBeforeIsMarkedOnTheOfferAndTheContactWithTheWindowOnly() {
        console.logInAndBecomeAvailable("ana");

        callFrom(NUMBER, "PJSIP/carrier-00000001");
        console.awaitText("#offers article", "New call");
        assertThat(browser.driver().findElements(By.cssSelector("[data-history]"))).as("a first call").isEmpty();
        asterisk.hangUp("PJSIP/carrier-00000001", NUMBER, "");
        browser.await(d -> d.findElements(By.cssSelector("#offers article")).isEmpty());

        callFrom(NUMBER, "PJSIP/carrier-00000002");
        console.awaitText("#offers article [data-history]", "called before within 30 days");
        console.click("#offers article button.accept");
        console.awaitText("#contact-list [data-history]", "called before within 30 days");
        assertThat(console.text("[data-fact=history]")).isEqualTo("called before within 30 days");
        assertThat(console.text("#contact-view")).as("no number, no count").doesNotContain("721").doesNotContain("times");
    }
}
