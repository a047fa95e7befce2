package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The console's script and exit-options panel with a chat in English from a caller who chose "I am under 18". */
@DisplayName("console: scripts by the caller's first choice, exit options a person can use")
class ExitOptionsPageTest extends ConsolePageTests {
    @Override
    protected TestServer serve(Path dir) {
        return anaInEnglish(dir);
    }

    @BeforeEach
    void anaTakesAnEnglishChat() {
        console.logInAndBecomeAvailable("ana");
        server.commands().contact(new Command.Enqueue(new NewContact(Channel.CHAT, "en", "under_18", Priority.NORMAL, null))).await();
        console.click("#offers article button.accept");
        console.awaitText("#contact-title", "in conversation");
    }

    @Test
    void theChildsScriptStartsAndSwitchingScriptsKeepsWhatWasTicked() {
        assertThat(new Select(page.findElement(By.id("script-select"))).getFirstSelectedOption().getAttribute("value"))
                .isEqualTo("child_caller");
        page.findElement(By.id("tab-indicators")).click();
        console.click("#panel-ind-withholding_of_wages");
        page.findElement(By.id("tab-script")).click();

        new Select(page.findElement(By.id("script-select"))).selectByValue("abroad_trouble");
        console.select("#guidance-language", "ro"); // an English console may still show the guidance in Romanian
        console.awaitText("#script-step", "pericol");
        page.findElement(By.id("tab-indicators")).click();

        assertThat(page.findElement(By.id("panel-ind-withholding_of_wages")).isSelected()).isTrue();
    }

    @Test
    void insertIntoMessageWritesAConfirmedEntrysSentenceInTheContactsLanguage() {
        page.findElement(By.id("tab-exits")).click();
        new Select(console.visible("#country-select")).selectByValue("AT");
        String hotline = "#exit-results li[data-option=at_bk_hotline]";
        console.awaitText(hotline, "+43 677 61 34 34 34");
        assertThat(page.findElement(By.cssSelector(hotline)).getText()).contains("24/7", "Source:", "official");

        console.click(hotline + " button.insert-exit");

        browser.await(d -> d.findElement(By.id("say-input")).getAttribute("value").equals(
                "In Austria the police line against human trafficking is +43 677 61 34 34 34, at any time; "
                        + "you can also write to menschenhandel@bmi.gv.at."));
        String vienna = "#exit-results li[data-option=at_embassy_viena]";
        assertThat(page.findElement(By.cssSelector(vienna)).getText()).contains("Vienna", "To be confirmed: check on viena.mae.ro");
        assertThat(page.findElements(By.cssSelector(vienna + " button.insert-exit"))).isEmpty();
    }
}
