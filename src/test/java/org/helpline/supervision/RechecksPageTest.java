package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.helpline.guidance.GuidanceFolder;
import org.helpline.testing.FakeClock;
import org.helpline.testing.PageTests;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;

@DisplayName("supervisor view: exit options due for a re-check")
class RechecksPageTest extends PageTests {
    private GuidanceFolder folder;
    private WebDriver page;

    @Override
    protected TestServer serve(Path dir) {
        folder = GuidanceFolder.copyOfShipped(dir.resolve("guidance"));
        // Seven months after the research of 2026-12-01: every entry is due.
        return TestServer.start(dir, new FakeClock(Instant.parse("2027-07-01T09:00:00Z")),
                "guidance: { directory: \"" + folder.root() + "\" }", List.of(TestServer.supervisor("sofia")));
    }

    @BeforeEach
    void openThePage() {
        page = openBrowser().driver();
    }

    @Test
    void aSupervisorSeesTheOverdueEntriesAndRecordsARecheck() {
        page.get("http://localhost:" + server.port() + "/supervisor/");
        browser.await(d -> d.findElement(By.id("login-name")).isDisplayed());
        page.findElement(By.id("login-name")).sendKeys("sofia");
        page.findElement(By.id("login-password")).sendKeys(TestServer.PASSWORD, Keys.ENTER);

        String row = "#rechecks tr[data-option=at_bk_hotline]";
        browser.await(d -> !d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(page.findElement(By.cssSelector(row)).getText()).contains("Austria", "+43 677 61 34 34 34", "2026-12-01");
        int due = Integer.parseInt(page.findElement(By.id("rechecks-count")).getText());
        assertThat(due).isGreaterThan(150);

        page.findElement(By.cssSelector(row + " button.confirm")).click();

        browser.await(d -> d.findElement(By.id("rechecks-status")).getText().contains("Re-check of “Federal Criminal Police anti-trafficking hotline (BK)” recorded."));
        browser.await(d -> d.findElements(By.cssSelector(row)).isEmpty());
        assertThat(page.findElement(By.id("rechecks-count")).getText()).isEqualTo(String.valueOf(due - 1));
        assertThat(folder.read("countries/at.yaml")).contains("    checked: 2027-07-01\n    checkedBy: \"sofia\"\n    verified: true");
    }
}
