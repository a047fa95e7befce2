package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.helpline.core.Channel;
import org.helpline.core.Operator;
import org.helpline.core.OperatorProfile;
import org.helpline.core.Presence;
import org.helpline.testing.Browser;
import org.helpline.testing.FakeClock;
import org.helpline.testing.PageTests;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What an operator with the browser phone sees when it cannot work, in a real Chromium, with no Asterisk
 * (telephony is off in these servers): each problem is named on the page, and the operator is offered
 * chats only until the phone works. Calls through a real Asterisk: BrowserPhoneCallTest.
 */
@DisplayName("browser phone problems on the console page")
class BrowserPhonePageTest extends PageTests {
    @Override
    protected TestServer serve(Path dir) {
        Account ana = new Account("ana", Role.OPERATOR, new PasswordHash(1000).hash(TestServer.PASSWORD), Set.of("ro"),
                Set.of(Channel.CALL, Channel.CHAT), null, OperatorProfile.BROWSER_PHONE, null, false, "en");
        return TestServer.start(dir, new FakeClock(), "", List.of(ana));
    }

    private ConsolePage signIn(String... chromiumSwitches) {
        ConsolePage console = new ConsolePage(openBrowser(chromiumSwitches), server);
        console.logInAndBecomeAvailable("ana");
        return console;
    }

    private String phoneState(ConsolePage console) {
        return console.visible("#phone-status").getAttribute("data-phone-state");
    }

    /** Available, but offered chats only: the router's operator takes no calls. */
    private void takesChatsOnly() {
        Operator ana = server.commands().work("ana").await().operator();
        assertThat(ana.presence()).isEqualTo(Presence.AVAILABLE);
        assertThat(ana.profile().channels()).containsExactly(Channel.CHAT);
    }

    @Test
    void aBlockedMicrophoneIsNamedWithWhatToDoAndCallsWait() {
        // a microphone, but no automatic yes: headless Chromium answers the permission prompt with no
        ConsolePage console = signIn("--use-fake-device-for-media-stream");
        console.awaitText("#phone-status", "The microphone is blocked for this page");
        assertThat(phoneState(console)).isEqualTo("microphone-denied");
        assertThat(console.text("#phone-status")).contains("Calls are paused for you until it works; chats go on.");
        assertThat(console.visible("#phone-retry").getText()).isEqualTo("Retry");
        takesChatsOnly();
    }

    @Test
    void noMicrophoneIsNamed() {
        // permission granted, but this machine has no audio device
        ConsolePage console = signIn("--use-fake-ui-for-media-stream");
        console.awaitText("#phone-status", "No microphone was found. Connect a headset");
        assertThat(phoneState(console)).isEqualTo("no-microphone");
        takesChatsOnly();
    }

    @Test
    void aServerWithoutTelephonySaysThePhoneIsOff() {
        ConsolePage console = signIn(Browser.FAKE_MICROPHONE);
        console.awaitText("#phone-status", "The browser phone is not available: telephony is switched off on this server");
        assertThat(phoneState(console)).isEqualTo("unavailable");
        assertThat(console.driver().findElement(By.id("phone-retry")).isDisplayed()).isFalse();
        takesChatsOnly();
    }

    @Test
    void aBuildWithoutTheSipLibrarySaysSo() {
        ChromeDriver chromium = (ChromeDriver) openBrowser(Browser.FAKE_MICROPHONE).driver();
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/common/vendor/jssip.js")));
        ConsolePage console = new ConsolePage(browser, server);
        console.logInAndBecomeAvailable("ana");
        console.awaitText("#phone-status", "this build of the server was made without it");
        assertThat(phoneState(console)).isEqualTo("unavailable");
        takesChatsOnly();
    }
}
