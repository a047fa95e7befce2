package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.telephony.BrowserPhoneLine.audioBothWays;
import static org.helpline.telephony.BrowserPhoneLine.clicked;
import static org.helpline.telephony.BrowserPhoneLine.phoneState;
import static org.helpline.telephony.BrowserPhoneLine.shown;
import static org.helpline.telephony.BrowserPhoneLine.sipSockets;
import static org.helpline.telephony.BrowserPhoneLine.within;

import java.nio.file.Path;
import java.time.Duration;

import org.helpline.testing.Browser;
import org.helpline.testing.Eventually;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
    @TempDir
    static Path dir;
    static BrowserPhoneLine line;

    @BeforeAll
    static void start() {
        line = BrowserPhoneLine.secure(dir, "");
    }

    @AfterAll
    static void stop() {
        if (line != null) {
            line.close();
        }
    }

    @Test
    void thePhoneRegistersOverTlsAndACallsAudioFlowsBothWays() {
        try (Browser browser = line.browser()) {
            ChromeDriver page = (ChromeDriver) browser.driver();
            line.signIn(page);
            phoneState(page, "ready", "the browser phone registered over wss");
            assertThat(sipSockets(browser)).isNotEmpty()
                    .containsOnly("wss://127.0.0.1:" + line.asterisk.tlsPort() + "/ws");
            Eventually.until(line::takesCalls, "calls offered to ana now that her phone works", RealAsterisk.CALLS);

            try (SippRun caller = SippCaller.to(line.asterisk).pause(Duration.ofSeconds(3)).key('2')
                    .expectLineHangsUpWithin(Duration.ofSeconds(150)).start()) {
                Eventually.until(() -> clicked(page, ".offer .accept"), "the call offered to ana, accepted", RealAsterisk.CALLS);
                within(() -> shown(page, "#phone-hangup"), "the call's controls");
                audioBothWays(browser, 8000);
                page.findElement(By.id("phone-hangup")).click();
                caller.awaitSuccess(RealAsterisk.CALLS);
            }
            page.findElement(By.id("logout")).click();
            Eventually.until(() -> line.asterisk.cli("database show helpline-phones").contains("0 results found"),
                    "the phone deleted from Asterisk at logout", RealAsterisk.CALLS);
        }
    }
}
