package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.BrowserPhonePages.answers;
import static org.helpline.telephony.BrowserPhonePages.hangsUp;
import static org.helpline.telephony.BrowserPhonePages.signInReadyForCalls;
import static org.helpline.telephony.BrowserPhonePages.sipSockets;

import java.time.Duration;

import org.helpline.testing.Browser;
import org.helpline.testing.Eventually;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browser phone as a real line runs it: over wss:// to Asterisk's TLS listener (http.conf tlsenable,
 * tlsbindaddr, tlscertfile, tlsprivatekey, with a certificate made for the test, which Chromium is told to accept),
 * the console page's Content-Security-Policy allowing exactly that address. The phone registers and a call's audio
 * flows both ways.
 */
@DisplayName("a call answered on the browser phone over wss://, through a real Asterisk 22")
class BrowserPhoneSecureTest {
    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(LoopbackWebRtc.asterisk().tls())
            .withServer(BrowserPhonePages.anaOnTheBrowserPhone(""));

    @Test
    void thePhoneRegistersOverTlsAndACallsAudioFlowsBothWays(RealAsterisk asterisk, TestServer server) {
        try (Browser browser = BrowserPhonePages.browser(asterisk)) {
            ChromeDriver page = (ChromeDriver) browser.driver();
            signInReadyForCalls(page, server);
            assertThat(sipSockets(browser)).isNotEmpty()
                    .containsOnly("wss://127.0.0.1:" + asterisk.tlsPort() + "/ws");

            try (SippRun caller = SippCaller.to(asterisk).pause(Duration.ofSeconds(3)).key('2')
                    .expectLineHangsUpWithin(Duration.ofSeconds(150)).start()) {
                answers(browser);
                hangsUp(page);
                caller.awaitSuccess(RealAsterisk.CALLS);
            }
            page.findElement(By.id("logout")).click();
            Eventually.until(() -> asterisk.cli("database show helpline-phones").contains("0 results found"),
                    "the phone deleted from Asterisk at logout", RealAsterisk.CALLS);
        }
    }
}
