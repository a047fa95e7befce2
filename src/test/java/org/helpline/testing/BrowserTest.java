package org.helpline.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The browser fixture itself: a real Chromium reaches the real server. */
class BrowserTest {
    @Test
    void chromiumReadsTheServersHealthPage(@TempDir Path dir) {
        try (TestServer server = TestServer.start(dir, new FakeClock(), "", List.of());
             Browser browser = Browser.start()) {
            browser.driver().get("http://localhost:" + server.port() + "/health");
            String body = browser.await(d -> d.findElement(By.tagName("body")).getText());
            assertThat(body).contains("\"status\":\"UP\"");
        }
    }
}
