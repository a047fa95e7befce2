package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.helpline.testing.Browser;
import org.helpline.testing.FakeClock;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/** The supervisor view in a real headless Chromium when calls go around the consoles. */
@DisplayName("phone line alerts on the supervisor view")
class PhoneLineAlertsPageTest {
    private TestServer server;
    private Browser browser;

    @AfterEach
    void stop() {
        try (Browser b = browser) {
            server.close();
        }
    }

    /** Read in one go by the page: the list is drawn anew whenever an alert changes (the AMI link's retry says when). */
    private String phoneLineAlerts() {
        return (String) browser.script("return [...document.querySelectorAll('#alerts li[data-kind=phone_line]')]"
                + ".map(li => li.textContent).join('\\n')");
    }

    private void awaitAlert(String text) {
        browser.await(d -> phoneLineAlerts().contains(text));
    }

    @Test
    void noLinkWithAsteriskAndCallsSentToTheFallbackQueueEachSayWhatItMeansForCallers(@TempDir Path dir) throws Exception {
        int deadAmi = TestServer.freePort(); // nothing listens there: no link with Asterisk
        int agiPort = TestServer.freePort();
        server = TestServer.start(dir, new FakeClock(), """
                telephony: { agi: { port: %d }, ami: { port: %d, password: secret, retryMin: 50ms, retryMax: 200ms } }
                """.formatted(agiPort, deadAmi), List.of(TestServer.supervisor("sofia"), TestServer.callOperator("bogdan", "2001", "ro")));
        browser = Browser.start();
        browser.driver().get("http://localhost:" + server.port() + "/supervisor/");
        browser.await(d -> d.findElement(By.id("login-name")).isDisplayed());
        browser.driver().findElement(By.id("login-name")).sendKeys("sofia");
        browser.driver().findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);

        awaitAlert("the server has no link with Asterisk (AMI)");
        assertThat(phoneLineAlerts()).contains("fallback queue").contains("cannot connect to 127.0.0.1:" + deadAmi);

        SocketProbe bogdan = server.console("bogdan");
        bogdan.next("welcome");
        bogdan.send(new JsonObject().put("type", "presence").put("presence", "available").put("id", 1));
        bogdan.next("ack");
        TelephonyRoom.eventually(() -> {
            try (AgiCall call = AgiCall.place(agiPort, "inbound", TelephonyRoom.CALLER, "ro", "normal")) {
                String answer = call.command();
                call.reply("200 result=1");
                return answer.equals("SET VARIABLE \"HELPLINE_ACTION\" \"fallback\"");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, "a call answered fallback (telephony has heard Bogdan sign in)");

        awaitAlert("sent to the fallback queue");
        assertThat(phoneLineAlerts()).contains("rang the operators' phones directly");
    }
}
