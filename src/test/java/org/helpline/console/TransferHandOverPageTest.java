package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.vertx.core.json.JsonObject;
import org.helpline.core.Channel;
import org.helpline.testing.Browser;
import org.helpline.testing.FakeClock;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.helpline.web.auth.Account;
import org.helpline.web.auth.PasswordHash;
import org.helpline.web.auth.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

/** Two operators' consoles in real headless Chromium: a chat transferred from one to the other. */
@DisplayName("a transferred chat arrives as a hand-over in the next operator's console")
class TransferHandOverPageTest {
    private static final PasswordHash CHEAP_HASH = new PasswordHash(1000);
    private TestServer server;
    private Browser browserA;
    private Browser browserB;

    @BeforeEach
    void start(@TempDir Path dir) {
        server = TestServer.start(dir, new FakeClock(), "", List.of(operator("ana", "Ana"), operator("bogdan", "Bogdan")));
        browserA = Browser.start();
        browserB = Browser.start();
    }

    @AfterEach
    void stop() {
        try (Browser a = browserA; Browser b = browserB) {
            server.close();
        }
    }

    private static Account operator(String name, String displayName) {
        return new Account(name, Role.OPERATOR, CHEAP_HASH.hash(TestServer.PASSWORD), Set.of("ro"), Set.of(Channel.CHAT),
                null, null, displayName, false, "en");
    }

    @Test
    void theNextOperatorSeesTheNoteWhoSaidWhatAndTheCaseWhereItWas() {
        ConsolePage ana = new ConsolePage(browserA, server);
        ana.logInAndBecomeAvailable("ana");
        SocketProbe caller = SocketProbe.connect(server.sockets(), server.options("/chat/ws"));
        caller.send(new JsonObject().put("type", "start").put("language", "ro").put("topic", "before_departure").put("danger", false));
        caller.next("started");

        ana.click("#offers article button.accept");
        ana.awaitText("#contact-title", "in conversation");
        ana.type("#say-input", "Unde sunteți acum?", Keys.ENTER);
        ana.awaitText("#transcript", "Unde sunteți acum?");
        ana.click("#script-step [data-answer=individual]");
        ana.awaitText("#script-step", "A person recruiting on social media");
        ana.click("#tab-indicators");
        ana.click("#panel-ind-retention_of_documents");
        ana.click("#tab-exits");
        ana.select("#country-select", "DE");
        ana.click("#tab-script");

        ConsolePage bogdan = new ConsolePage(browserB, server);
        bogdan.logInAndBecomeAvailable("bogdan");
        ana.click("#transfer-contact");
        ana.type("#transfer-operator", "bogdan");
        ana.type("#transfer-note", "Angajatorul i-a luat pașaportul; e în München.");
        ana.click("#transfer-dialog button[value=transfer]");
        ana.awaitText("#contact-title", "No contact open");

        bogdan.click("#offers article button.accept");
        bogdan.awaitText("#contact-title", "in conversation");
        bogdan.awaitText("#handover-note", "Hand-over from Ana: Angajatorul i-a luat pașaportul; e în München.");
        bogdan.awaitText("#transcript li.from-operator .who", "Ana");
        assertThat(bogdan.text("#transcript")).contains("Unde sunteți acum?").doesNotContain("You");
        // The script where Ana left it, her tick and her country.
        bogdan.awaitText("#script-step", "A person recruiting on social media");
        bogdan.click("#tab-indicators");
        assertThat(bogdan.visible("#panel-ind-retention_of_documents").isSelected()).isTrue();
        bogdan.click("#tab-exits");
        assertThat(new Select(bogdan.visible("#country-select")).getFirstSelectedOption().getAttribute("value")).isEqualTo("DE");
        bogdan.awaitText("#exit-results", "+40 21 313 3100");

        // Bogdan's own lines are his.
        bogdan.type("#say-input", "Sunt Bogdan, continui eu.", Keys.ENTER);
        bogdan.awaitText("#transcript li:last-child .who", "You");
        assertThat(browserB.driver().findElements(By.cssSelector("#transcript li.from-operator .who")).stream()
                .map(e -> e.getText()).toList()).containsExactly("Ana", "You");
    }
}
