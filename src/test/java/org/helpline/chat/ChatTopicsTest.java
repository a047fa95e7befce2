package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.helpline.guidance.Guidance;
import org.helpline.guidance.GuidanceFolder;
import org.helpline.guidance.GuidanceLibrary;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the chat page's first question")
class ChatTopicsTest {
    private static final Path MESSAGES = Path.of("src/main/resources/webroot/chat/messages");

    @Test
    void everyChoiceOnThePageIsOneTheServerTakesAndStartsItsOwnScript() throws IOException {
        Guidance guidance = GuidanceLibrary.load(GuidanceFolder.SHIPPED);
        for (String language : List.of("ro", "en")) {
            JsonObject words = new JsonObject(Files.readString(MESSAGES.resolve(language + ".json")));
            assertThat(words.getJsonObject("topics").fieldNames()).as(language).containsExactlyInAnyOrderElementsOf(CallerRequest.TOPICS);
            assertThat(words.getJsonObject("cards").fieldNames()).as(language + ": cards while waiting")
                    .containsExactlyInAnyOrderElementsOf(CallerRequest.TOPICS);
        }
        assertThat(guidance.scriptFor("under_18", false).id()).isEqualTo("child_caller");
        assertThat(guidance.scriptFor("came_back", false).id()).isEqualTo("survivor_rights");
        assertThat(guidance.scriptFor("work_in_romania", false).id()).isEqualTo("in_romania");
        assertThat(guidance.scriptFor("worried_about_someone", false).id()).isEqualTo("worried_other");
        assertThat(guidance.scriptFor("before_departure", false).id()).isEqualTo("before_departure");
        assertThat(guidance.scriptFor("abroad_in_trouble", false).id()).isEqualTo("abroad_trouble");
        assertThat(guidance.scriptFor("other", false).id()).isEqualTo("start");
        assertThat(guidance.scriptFor("under_18", true).id()).as("danger first, whoever writes").isEqualTo("danger");
    }

    @Test
    void theServerTakesTheNewChoicesAndRefusesAnUnknownOne() {
        CallerRequest under18 = CallerRequest.parse(new JsonObject().put("type", "start").put("language", "ro")
                .put("topic", "under_18").put("danger", false), List.of("ro", "en"));
        assertThat(under18).isEqualTo(new CallerRequest.Start("ro", "under_18", false));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CallerRequest.parse(new JsonObject().put("type", "start")
                .put("language", "ro").put("topic", "abroad_in_trouble_now").put("danger", false), List.of("ro")))
                .hasMessageContaining("\"topic\" must be one of");
    }
}
