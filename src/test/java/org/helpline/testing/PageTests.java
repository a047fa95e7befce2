package org.helpline.testing;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page test's server, of the test class's own making ({@link #serve}), fresh for each test, and the headless
 * Chromium the test (or a subclass's setup) opens ({@link #openBrowser}); after the test both are closed, the browser
 * first. A test may replace {@link #server}: what it replaced it with is closed all the same.
 */
public abstract class PageTests {
    protected TestServer server;
    protected Browser browser;

    /** The server the class's tests need (its accounts and settings); {@code dir} is the test's own folder. */
    protected abstract TestServer serve(Path dir);

    /** Chromium with these switches (e.g. {@link Browser#FAKE_MICROPHONE}), closed after the test. */
    protected Browser openBrowser(String... chromiumSwitches) {
        browser = Browser.start(chromiumSwitches);
        return browser;
    }

    @BeforeEach
    protected void startTheServer(@TempDir Path dir) {
        server = serve(dir);
    }

    @AfterEach
    protected void closeTheBrowserAndServer() {
        try {
            if (browser != null) {
                browser.close();
            }
        } finally {
            server.close();
        }
    }
}
