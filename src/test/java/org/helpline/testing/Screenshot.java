package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The README's pictures, taken by the browser tests so that they show what the pages really look like: call
 * {@link #save} as a test's last step, after its assertions passed, and a failing test writes nothing.
 * Written to {@code docs/images/} of the working copy (the tests run from the project's folder).
 */
public final class Screenshot {
    private static final Path IMAGES = Path.of("docs", "images");

    private Screenshot() {
    }

    /** The browser's viewport as it is now, written (replaced) as {@code docs/images/<name>.png}. */
    public static void save(Browser browser, String name) {
        byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        try {
            Files.createDirectories(IMAGES);
            Path partial = IMAGES.resolve(name + ".png.part");
            Files.write(partial, png);
            Files.move(partial, IMAGES.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets the page's viewport (not the window, which has borders) to this size, as a screen of that size shows it. */
    public static void viewport(Browser browser, int width, int height) {
        browser.driver().manage().window().setSize(new Dimension(width, height));
        long innerWidth = ((Number) browser.script("return window.innerWidth")).longValue();
        long innerHeight = ((Number) browser.script("return window.innerHeight")).longValue();
        browser.driver().manage().window().setSize(new Dimension((int) (2L * width - innerWidth), (int) (2L * height - innerHeight)));
    }
}
