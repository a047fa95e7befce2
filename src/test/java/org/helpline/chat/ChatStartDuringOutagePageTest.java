package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.helpline.testing.Browser;
import org.helpline.testing.FakeClock;
import org.helpline.testing.RedisServer;
import org.helpline.testing.SocketProbe;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/** The caller's page, in Chromium, when the server cannot record a new chat: it says so and asks again until it can. */
@DisplayName("the chat page while Redis cannot record a new chat")
class ChatStartDuringOutagePageTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    @Test
    void thePageSaysItKeepsTryingAndTheChatStartsOnceRedisIsBack(@TempDir Path dir) {
        try (TestServer server = TestServer.start(dir, new FakeClock(), Chats.FAST_SWEEP + REDIS.storeYaml(),
                List.of(Chats.operator("ana", "Ana", "ro", "en")));
             Browser browser = Browser.start()) {
            SocketProbe ana = Chats.availableConsole(server, "ana");
            browser.driver().get("http://localhost:" + server.port() + "/chat/?lang=en");
            browser.await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

            REDIS.stop();
            browser.driver().findElement(By.cssSelector("input[name=topic][value=abroad_in_trouble]")).click();
            browser.driver().findElement(By.cssSelector("input[name=danger][value=yes]")).click();
            browser.driver().findElement(By.cssSelector("#prechat button[type=submit]")).click();
            browser.await(d -> d.findElement(By.id("status")).getText().startsWith("The chat is taking longer than usual"));
            assertThat(browser.driver().findElement(By.id("danger-banner")).isDisplayed())
                    .as("112 stays in front of someone in danger while they wait").isTrue();
            assertThat(browser.script("return sessionStorage.length")).as("no token: nothing to resume yet").isEqualTo(0L);

            REDIS.start();
            assertThat(ana.next("offer").getJsonObject("contact").getString("priority")).isEqualTo("urgent");
            browser.await(d -> !d.findElement(By.id("status")).getText().startsWith("The chat is taking longer"));
            assertThat(browser.script("return JSON.parse(sessionStorage.getItem('helpline.chat')).token")).isNotNull();
        }
    }
}
