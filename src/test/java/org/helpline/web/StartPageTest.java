package org.helpline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.helpline.testing.Browser;
import org.helpline.testing.FakeClock;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The page at {@code /} in a real headless Chromium: each kind of user finds their page from it. */
@DisplayName("start page /")
class StartPageTest {
    @Test
    void leadsCallersOperatorsAndSupervisorsToTheirPages(@TempDir Path dir) {
        try (TestServer server = TestServer.start(dir, new FakeClock(), "", List.of());
             Browser browser = Browser.start()) {
            WebDriver page = browser.driver();
            String base = "http://localhost:" + server.port();
            for (var door : List.of(List.of("door-chat", "/chat/", "#language-view, main"),
                    List.of("door-console", "/console/", "#login-name"),
                    List.of("door-supervisor", "/supervisor/", "#login-name"))) {
                page.get(base + "/");
                page.findElement(By.id(door.get(0))).click();
                browser.await(d -> d.getCurrentUrl().equals(base + door.get(1)));
                browser.await(d -> d.findElements(By.cssSelector(door.get(2))).stream().anyMatch(e -> e.isDisplayed()));
            }
            page.get(base + "/");
            assertThat(page.getTitle()).isEqualTo("Helpline Server");
            assertThat(page.findElement(By.tagName("main")).getText()).contains("112", "phone numbers");
        }
    }
}
