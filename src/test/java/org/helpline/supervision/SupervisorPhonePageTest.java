package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.helpline.core.OperatorProfile;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * What a supervisor with the browser phone sees when it cannot work, in a real Chromium, with no Asterisk
 * (telephony is off in these servers): each problem is named in the view's header. A supervisor with a desk
 * phone gets no browser phone at all. Listening in through a real Asterisk: SupervisorListenInCallTest.
 */
@DisplayName("browser phone problems on the supervisor page")
class SupervisorPhonePageTest extends PageTests {
    @Override
    protected TestServer serve(Path dir) {
        PasswordHash hash = new PasswordHash(1000);
        return TestServer.start(dir, new FakeClock(), "", List.of(
                new Account("elena", Role.SUPERVISOR, hash.hash(TestServer.PASSWORD), Set.of(), Set.of(), null,
                        OperatorProfile.BROWSER_PHONE, "Elena", false).withConsoleLanguage("en"),
                new Account("sofia", Role.SUPERVISOR, hash.hash(TestServer.PASSWORD), Set.of(), Set.of(), null,
                        "2100", "Sofia", false).withConsoleLanguage("en")));
    }

    private void logIn(String name, String... chromiumSwitches) {
        if (browser == null) {
            openBrowser(chromiumSwitches);
        }
        browser.driver().get("http://localhost:" + server.port() + "/supervisor/");
        visible("#login-name").sendKeys(name);
        browser.driver().findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
        visible("#me");
    }

    private WebElement visible(String css) {
        return browser.await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private WebElement phoneSays(String text) {
        return browser.await(d -> d.findElements(By.id("phone-status")).stream()
                .filter(e -> e.isDisplayed() && e.getText().contains(text)).findFirst().orElse(null));
    }

    @Test
    void aBlockedMicrophoneIsNamedWithWhatToDo() {
        // a microphone, but no automatic yes: headless Chromium answers the permission prompt with no
        logIn("elena", "--use-fake-device-for-media-stream");
        WebElement status = phoneSays("The microphone is blocked for this page");
        assertThat(status.getAttribute("data-phone-state")).isEqualTo("microphone-denied");
        assertThat(visible("#phone-retry").getText()).isEqualTo("Retry");
    }

    @Test
    void noMicrophoneIsNamed() {
        logIn("elena", "--use-fake-ui-for-media-stream");
        assertThat(phoneSays("No microphone was found. Connect a headset").getAttribute("data-phone-state"))
                .isEqualTo("no-microphone");
    }

    @Test
    void aServerWithoutTelephonySaysThePhoneIsOffAndListeningInIsRefusedAsNotRegistered() {
        logIn("elena", Browser.FAKE_MICROPHONE);
        WebElement status = phoneSays("The browser phone is not available: telephony is switched off on this server");
        assertThat(status.getAttribute("data-phone-state")).isEqualTo("unavailable");
        assertThat(browser.driver().findElement(By.id("phone-retry")).isDisplayed()).isFalse();
        assertThat(browser.driver().findElement(By.id("listen-hint")).isDisplayed()).as("elena has a phone to listen in on")
                .isFalse();
    }

    @Test
    void aBuildWithoutTheSipLibrarySaysSo() {
        ChromeDriver chromium = (ChromeDriver) openBrowser(Browser.FAKE_MICROPHONE).driver();
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/common/vendor/jssip.js")));
        logIn("elena");
        assertThat(phoneSays("this build of the server was made without it").getAttribute("data-phone-state"))
                .isEqualTo("no-build");
    }

    @Test
    void aDeskPhoneSupervisorGetsNoBrowserPhone() {
        logIn("sofia", Browser.FAKE_MICROPHONE);
        browser.await(d -> "sofia".equals(browser.script("return (await import('/supervisor/stream.js')).live.me?.name")));
        assertThat(browser.driver().findElements(By.id("phone-status"))).isEmpty();
    }
}
