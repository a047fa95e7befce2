package org.helpline.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.helpline.core.Channel;
import org.helpline.core.Command;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.core.NewContact;
import org.helpline.core.Priority;
import org.helpline.testing.Eventually;
import org.helpline.testing.FakeClock;
import org.helpline.testing.PageTests;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What a desk phone's operator sees when their phone drops out of a call (the telephony room reports it as the
 * router's PhoneLost; the call through a real Asterisk: PhoneLostCallTest): the console says the caller is back
 * in the queue and calls are paused, and choosing Available takes calls again.
 */
@DisplayName("a phone that drops out of a call, on the console page")
class PhoneLostPageTest extends PageTests {
    private static final String CHANNEL = "PJSIP/sipp-test-00000001";

    @Override
    protected TestServer serve(Path dir) {
        return TestServer.start(dir, new FakeClock(), "", List.of(TestServer.callOperator("ana", "2001", "ro").withConsoleLanguage("en")));
    }

    @Test
    void theConsoleSaysTheCallerIsBackInTheQueueAndCallsComeAgainWhenTheOperatorChoosesAvailable() {
        ConsolePage console = new ConsolePage(openBrowser(), server);
        console.logInAndBecomeAvailable("ana");
        Contact call = server.commands().contact(new Command.Enqueue(
                new NewContact(Channel.CALL, "ro", null, Priority.NORMAL, CHANNEL))).await();
        console.click(".offer .accept");
        console.awaitText("#contact-title", "in conversation");

        server.commands().phoneLost(CHANNEL).await();

        console.awaitText("#notice", "Your phone lost the call (no sound came through any more): the caller is back in the queue");
        console.awaitText("#presence-state", "Available (calls paused: your phone lost a call)");
        assertThat(server.commands().work("ana").await().operator().profile().channels()).doesNotContain(Channel.CALL);

        console.click("#go-available");
        Eventually.until(() -> server.commands().work("ana").await().contacts().stream()
                .anyMatch(c -> c.id().equals(call.id()) && c.state() == ContactState.OFFERED), "the same caller offered to ana again",
                Duration.ofSeconds(30));
        Eventually.until(() -> Boolean.TRUE.equals(browser.script(
                "return document.querySelector('#offers .offer[data-contact=\"' + arguments[0] + '\"]') !== null", call.id())),
                "the offer on her console", Duration.ofSeconds(30));
        assertThat(console.text("#presence-state")).doesNotContain("calls paused");
    }
}
