package org.helpline.console;

import org.helpline.testing.Browser;
import org.helpline.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/** The console page in a browser, as the console's tests drive it: every lookup polls (the page re-renders as messages arrive). */
final class ConsolePage {
    private final Browser browser;
    private final TestServer server;

    ConsolePage(Browser browser, TestServer server) {
        this.browser = browser;
        this.server = server;
    }

    WebDriver driver() {
        return browser.driver();
    }

    void logIn(String name) {
        driver().get("http://localhost:" + server.port() + "/console/");
        visible("#login-name").sendKeys(name);
        driver().findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);
    }

    void logInAndBecomeAvailable(String name) {
        logIn(name);
        click("#go-available");
        awaitText("#presence-state", word("operatorState", "available"));
    }

    /** A node found a moment ago may be gone: look again until one is displayed. */
    WebElement visible(String css) {
        return browser.await(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    void click(String css) {
        browser.await(d -> {
            visible(css).click();
            return true;
        });
    }

    void awaitText(String css, String text) {
        browser.await(d -> d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text)));
    }

    /** "End conversation…", then the confirmation: ending always asks first. */
    void endConversation() {
        click("#end-contact");
        click("#end-dialog button[value=end]");
    }

    void select(String css, String value) {
        new Select(visible(css)).selectByValue(value);
    }

    void type(String css, CharSequence... keys) {
        visible(css).sendKeys(keys);
    }

    String text(String css) {
        return driver().findElement(By.cssSelector(css)).getText();
    }

    /** The console's own name for a code in the page's language now, from its words table (console/words.js). */
    String word(String kind, String code) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript(
                "const [kind, code, done] = arguments; import('/console/words.js').then((m) => done(m.word(kind, code)));", kind, code);
    }

    /** One of the console's own texts in the page's language now (console/words.js). */
    String say(String key) {
        return (String) ((org.openqa.selenium.JavascriptExecutor) driver()).executeAsyncScript(
                "const [key, done] = arguments; import('/console/words.js').then((m) => done(m.say(key)));", key);
    }
}
