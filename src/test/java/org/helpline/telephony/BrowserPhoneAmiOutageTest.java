package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.helpline.core.Addresses;
import org.helpline.testing.DropProxy;
import org.helpline.testing.Eventually;
import org.helpline.testing.LogCapture;
import org.helpline.testing.OperatorPhone;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Browser phones across an AMI outage, with a real Asterisk 22: the server's AMI link runs through a relay the
 * test cuts (Asterisk itself keeps running, phones stay registered). A phone revoked while the link is down is
 * deleted from Asterisk's database once it is back, and a phone whose registration stopped answering meanwhile
 * is known for it from Asterisk's list of contacts (PJSIPShowContacts) though its ContactStatus event was lost.
 * The registered "browser" is SIPp registering with the issued name and password (what Asterisk sees of JsSIP's
 * REGISTER and OPTIONS answers is the same).
 */
@DisplayName("browser phones across an AMI outage, through a real Asterisk 22")
class BrowserPhoneAmiOutageTest {
    private static final DropProxy AMI_RELAY = DropProxy.start();

    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(RealAsterisk.with()).withServer((dir, agiPort, asterisk) -> {
        AMI_RELAY.forwardTo(asterisk.amiPort());
        return TestServer.withTelephony(dir, Clock.systemUTC(), agiPort, AMI_RELAY.port(), RealAsterisk.AMI_PASSWORD,
                "  browserPhone: { webSocketUrl: \"ws://127.0.0.1:" + asterisk.httpPort() + "/ws\" }\n", "", List.of());
    });

    @AfterAll
    static void closeRelay() {
        AMI_RELAY.close();
    }

    /** A phone for this operator, asked until the server has cleared Asterisk's family after its first login. */
    private static JsonObject issue(TestServer server, String operatorId) {
        Object[] answer = new Object[1];
        Eventually.until(() -> (answer[0] = server.vertx().eventBus().request(Addresses.BROWSER_PHONE, new JsonObject()
                .put("user", operatorId).put("role", "operator").put("want", true)).map(Message::body).await())
                instanceof JsonObject, "a phone issued to " + operatorId, RealAsterisk.CALLS);
        return (JsonObject) answer[0];
    }

    private static JsonObject lastTold(List<JsonObject> told) {
        return told.isEmpty() ? new JsonObject() : told.getLast();
    }

    private static JsonObject ana(String endpoint, boolean registered) {
        return new JsonObject().put("operatorId", "ana").put("endpoint", endpoint).put("registered", registered);
    }

    @Test
    void aPhoneRevokedMeanwhileIsDeletedAndAPhoneThatStoppedAnsweringIsToldOnceTheLinkIsBack(RealAsterisk asterisk,
                                                                                             TestServer server) {
        List<JsonObject> told = new CopyOnWriteArrayList<>();
        server.vertx().eventBus().<JsonObject>consumer(Addresses.BROWSER_PHONE_EVENTS, m -> told.add(m.body())).completion().await();
        JsonObject kept = issue(server, "ana");
        String revoked = issue(server, "bogdan").getString("username");
        String name = kept.getString("username");
        try (LogCapture logs = new LogCapture();
             OperatorPhone browser = OperatorPhone.register(asterisk, name, kept.getString("password"), "127.0.0.3",
                     OperatorPhone.Answer.NEVER)) {
            // (qualified as it registered, perhaps before SIPp listened: it may have been unreachable for a moment)
            Eventually.until(() -> lastTold(told).equals(ana(name, true)), "ana's phone registered", RealAsterisk.CALLS);

            AMI_RELAY.cut();
            Eventually.until(() -> logs.text().contains("telephony.ami.down"), "the AMI link down", RealAsterisk.CALLS);
            server.vertx().eventBus().request(Addresses.BROWSER_PHONE, new JsonObject().put("user", "bogdan")
                    .put("role", "operator").put("want", false).put("endpoint", revoked)).await();
            assertThat(asterisk.cli("pjsip show endpoint " + revoked)).as("Asterisk could not be told")
                    .doesNotContain("Unable to find object");
            browser.close(); // the laptop sleeps: its registration stands, but nothing answers Asterisk's OPTIONS
            asterisk.awaitCli("pjsip qualify " + name, out -> asterisk.cli("pjsip show contacts").lines()
                    .anyMatch(l -> l.contains(name + "/sip:") && l.contains("Unavail")), "ana's phone unreachable");

            AMI_RELAY.restore();
            asterisk.awaitCli("database show helpline-phones", out -> out.contains("3 results found") && !out.contains(revoked),
                    "the revoked phone's endpoint, aor and auth deleted from Asterisk, ana's kept");
            assertThat(asterisk.cli("pjsip show endpoint " + revoked)).contains("Unable to find object");
            Eventually.until(() -> lastTold(told).equals(ana(name, false)), "ana's phone told no longer answering",
                    RealAsterisk.CALLS);
            assertThat(logs.text()).as("ana's contact read from the list, not a list read as empty")
                    .containsPattern("telephony.browser-phone.registrations.reread contacts=[1-9]");
        }
    }
}
