package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;

import io.vertx.core.json.JsonObject;
import org.helpline.wire.BadRequest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the chat room's small parts")
class ChatPartsTest {

    @Test
    void aResumeTokenProvesTheConversationWithoutTheServerKeepingItsSecret() {
        ResumeToken token = ResumeToken.create(new SecureRandom());
        String stored = token.secretHash();

        ResumeToken back = ResumeToken.parse(token.text());

        assertThat(back).isEqualTo(token);
        assertThat(back.matches(stored)).isTrue();
        assertThat(stored).doesNotContain(token.secret());
        assertThat(ResumeToken.parse(token.sessionId() + "." + "B".repeat(43)).matches(stored)).isFalse();
        assertThat(ResumeToken.parse("not a token")).isNull();
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void theExpectedWaitIsWholeMinutesRoundedUpSharedByTheChatsOperatorsCanHold() {
        Duration average = Duration.ofMinutes(15);
        assertThat(WaitEstimate.minutes(1, 3, average)).isEqualTo(5);
        assertThat(WaitEstimate.minutes(2, 3, average)).isEqualTo(10);
        assertThat(WaitEstimate.minutes(1, 40, average)).isEqualTo(1);
        assertThat(WaitEstimate.minutes(4, 0, average)).isEqualTo(60);
        assertThat(WaitEstimate.minutes(0, 3, average)).isZero();
    }

    @Test
    void aCallersMessageIsReadStrictly() {
        List<String> languages = List.of("ro", "en");
        JsonObject start = new JsonObject().put("type", "start").put("language", "en").put("topic", "other");

        assertThat(CallerRequest.parse(start, languages)).isEqualTo(new CallerRequest.Start("en", "other", false));
        assertThat(CallerRequest.parse(new JsonObject().put("type", "resume").put("token", "t"), languages))
                .isEqualTo(new CallerRequest.Resume("t", 0));
        assertThat(CallerRequest.parse(new JsonObject().put("type", "say").put("text", "hi").put("id", 7L), languages))
                .isEqualTo(new CallerRequest.Say("hi", 7));
        assertThatThrownBy(() -> CallerRequest.parse(start.copy().put("language", "de"), languages))
                .hasMessageContaining("\"language\" must be one of en, ro");
        assertThatThrownBy(() -> CallerRequest.parse(new JsonObject().put("type", "say").put("text", " ").put("id", 1), languages))
                .hasMessageContaining("\"text\"");
        assertThatThrownBy(() -> CallerRequest.parse(new JsonObject().put("type", "say").put("text", "hi").put("id", 0), languages))
                .hasMessageContaining("\"id\" must be a whole number of at least 1");
        assertThatThrownBy(() -> CallerRequest.parse(new JsonObject().put("type", "dance"), languages))
                .isInstanceOf(BadRequest.class).hasMessageContaining("expected start, resume, say, typing or end");
    }
}
