package org.helpline.console;

import java.nio.file.Path;
import java.util.List;

import org.helpline.testing.FakeClock;
import org.helpline.testing.PageTests;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.WebDriver;

/**
 * The console page in a real headless Chromium against a server of the test class's own making ({@link #serve}),
 * both fresh for each test and closed after it ({@link PageTests}). A test may replace {@link #server} and
 * {@link #console}.
 */
abstract class ConsolePageTests extends PageTests {
    protected WebDriver page;
    protected ConsolePage console;

    /** The usual server: ana alone, Romanian and English, her console in English. */
    protected static TestServer anaInEnglish(Path dir) {
        return TestServer.start(dir, new FakeClock(), "", List.of(TestServer.operator("ana", "ro", "en").withConsoleLanguage("en")));
    }

    @BeforeEach
    void openTheConsole() {
        page = openBrowser().driver();
        console = new ConsolePage(browser, server);
    }
}
