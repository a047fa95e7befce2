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
import org.openqa.selenium.Keys;

/** WCAG 2.2 (2.4.13): the keyboard focus ring contrasts at least 3:1 with the page behind it, on every page. */
@DisplayName("focus outline")
class FocusOutlineTest {
    /** The contrast ratio of the focused element's outline colour against the page's background. */
    private static final String CONTRAST = """
            const rgb = (text) => text.match(/[\\d.]+/g).slice(0, 3).map(Number);
            const luminance = (c) => { const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
              return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
            const focused = document.activeElement;
            const style = getComputedStyle(focused);
            if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) return 0;
            const page = [document.body, document.documentElement].map((e) => getComputedStyle(e).backgroundColor)
              .find((c) => !/^rgba\\(.*, 0\\)$/.test(c)) || 'rgb(255, 255, 255)';
            const a = luminance(style.outlineColor), b = luminance(page);
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
            """;

    @Test
    void theFocusRingContrastsAtLeastThreeToOneOnEveryPage(@TempDir Path dir) {
        try (TestServer server = TestServer.start(dir, new FakeClock(), "", List.of());
             Browser browser = Browser.start()) {
            for (String page : List.of("/", "/chat/", "/console/", "/supervisor/")) {
                browser.driver().get("http://localhost:" + server.port() + page);
                browser.await(d -> "complete".equals(browser.script("return document.readyState")));
                browser.driver().findElement(By.tagName("body")).sendKeys(Keys.TAB);
                browser.await(d -> !"BODY".equals(browser.script("return document.activeElement.tagName")));
                double ratio = ((Number) browser.script(CONTRAST)).doubleValue();
                assertThat(ratio).as("focus ring on " + page + ": " + browser.script(
                        "const s = getComputedStyle(document.activeElement); return document.activeElement.outerHTML.slice(0, 80) + ' ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor ")).isGreaterThanOrEqualTo(3.0);
            }
        }
    }
}
