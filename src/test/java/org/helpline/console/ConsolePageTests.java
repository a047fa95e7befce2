package org.helpline.console;

import java.nio.file.Path;
import java.util.List;

import org.helpline.testing.Browser;
import org.helpline.testing.FakeClock;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;

/**
 * The console page in a real headless Chromium against a server of the test class's own making ({@link #serve}),
 * both fresh for each test and closed after it, the browser first. A test may replace {@link #server} and
 * {@link #console}; what it replaced the server with is closed all the same.
 */
abstract class ConsolePageTests {
    protected TestServer server;
    protected Browser browser;
    protected WebDriver page;
    protected ConsolePage console;

    /** The server the class's tests need (its accounts and settings); {@code dir} is for its account file. */
    protected abstract TestServer serve(Path dir);

    /** The usual server: ana alone, Romanian and English, her console in English. */
    protected static TestServer anaInEnglish(Path dir) {
        return TestServer.start(dir, new FakeClock(), "", List.of(TestServer.operator("ana", "ro", "en").withConsoleLanguage("en")));
    }

    @BeforeEach
    void openTheConsole(@TempDir Path dir) {
        server = serve(dir);
        browser = Browser.start();
        page = browser.driver();
        console = new ConsolePage(browser, server);
    }

    @AfterEach
    void closeTheConsole() {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }
}
