package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("wait estimate, back-off, ended channels, refusals, SET VARIABLE quoting")
class SmallRulesTest {
    @Test
    void theWaitIsOneAverageCallPerCallerAheadSharedAmongTheOperators() {
        Duration sixMinutes = Duration.ofMinutes(6);
        assertThat(WaitEstimate.minutes(1, 1, sixMinutes)).as("next in line: nobody ahead").isZero();
        assertThat(WaitEstimate.minutes(2, 1, sixMinutes)).isEqualTo(6);
        assertThat(WaitEstimate.minutes(5, 2, sixMinutes)).isEqualTo(12);
        assertThat(WaitEstimate.minutes(2, 20, sixMinutes)).as("under a minute").isZero();
        assertThat(WaitEstimate.minutes(3, 0, sixMinutes)).as("nobody counted: as if one").isEqualTo(12);
        assertThat(WaitEstimate.minutes(0, 1, sixMinutes)).isZero();
    }

    @Test
    void backOffDoublesUpToTheLongestPauseAndStartsAgainAfterSuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(5));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(Backoff.describe(Duration.ofSeconds(4))).isEqualTo("4s");
        assertThat(Backoff.describe(Duration.ofMillis(1500))).isEqualTo("1500ms");
    }

    @Test
    void endedChannelsAreRememberedForAMinute() {
        EndedChannels ended = new EndedChannels();
        Instant now = Instant.parse("2026-11-23T09:00:00Z");
        ended.add("PJSIP/carrier-00000001", now);
        ended.add("PJSIP/carrier-00000002", now.plusSeconds(30));

        assertThat(ended.contains("PJSIP/carrier-00000001", now.plusSeconds(59))).isTrue();
        assertThat(ended.contains("PJSIP/carrier-00000001", now.plusSeconds(61))).isFalse();
        assertThat(ended.contains("PJSIP/carrier-00000002", now.plusSeconds(61))).isTrue();
        ended.clear();
        assertThat(ended.contains("PJSIP/carrier-00000002", now.plusSeconds(61))).isFalse();
    }

    @Test
    void redirectRefusalsThatMeanTheCallerIsGone() {
        assertThat(new AmiActionFailed("Channel does not exist: PJSIP/carrier-00000001").channelGone()).isTrue();
        assertThat(new AmiActionFailed("Redirect failed, channel not up.").channelGone()).isTrue();
        assertThat(new AmiActionFailed("Permission denied").channelGone()).isFalse();
        assertThat(new AmiActionFailed("no AMI session with 127.0.0.1:5038").channelGone()).isFalse();
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"hold", "", "two words", "a \"quoted\" word", "back\\slash", "line\nbreak", "\\\"\n"})
    void setVariableIsQuotedExactlyAsAsteriskJavaQuotesIt(String value) {
        assertThat(new SetVariable("HELPLINE_ACTION", value).buildCommand())
                .isEqualTo(new SetVariableCommand("HELPLINE_ACTION", value).buildCommand());
        assertThat(new SetVariable("HELPLINE_ACTION", null).buildCommand())
                .isEqualTo(new SetVariableCommand("HELPLINE_ACTION", null).buildCommand());
    }
}
