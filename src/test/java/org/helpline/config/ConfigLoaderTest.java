package org.helpline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("configuration")
class ConfigLoaderTest {
    private final ConfigLoader loader = new ConfigLoader(Map.of("HELPLINE_AMI_PASSWORD", "s3cret")::get);

    @Test
    void theShippedFileDocumentsExactlyTheDefaults() {
        HelplineConfig shipped = new ConfigLoader(name -> null).load(Path.of("config", "helpline.yaml"));
        assertThat(shipped).isEqualTo(HelplineConfig.defaults());
    }

    @Test
    void anEmptyFileIsAWorkingConfiguration() {
        assertThat(loader.parse("", "test")).isEqualTo(HelplineConfig.defaults());
    }

    @Test
    void durationsAreWrittenAsPeopleWriteThem() {
        HelplineConfig config = loader.parse("routing: { offerTimeout: 45s, wrapUpTime: 2m, tickInterval: 100ms }", "test");
        assertThat(config.routing().offerTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.routing().wrapUpTime()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.routing().tickInterval()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void secretsComeFromTheEnvironment() {
        HelplineConfig config = loader.parse("telephony: { ami: { password: \"${HELPLINE_AMI_PASSWORD}\" } }", "test");
        assertThat(config.telephony().ami().password()).isEqualTo("s3cret");
        assertThat(loader.parse("store: { redis: { password: \"${UNSET_VARIABLE:-}\" } }", "test")
                .store().redis().password()).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "routing: { offerTimeout: soon }                 | routing.offerTimeout: ",
            "routing: { offerTimeout: 0s }                   | routing.offerTimeout: must be longer than zero",
            "routing: { ofer: 20s }                          | routing.ofer: unknown setting",
            "http: { port: 70000 }                           | http.port: must be a port number",
            "http: { port: eighty }                          | http.port: ",
            "http: { metricsToken: abcdefghijklmnopqrstuvwxyz0123456789 } | http.metricsToken: write ${ENVIRONMENT_VARIABLE}, never the secret itself",
            "http: { metricsToken: \"${HELPLINE_AMI_PASSWORD}\" } | http.metricsToken: must be empty (no token) or at least 32",
            "store: { type: postgres }                       | store.type: must be memory or redis",
            "store: { type: redis, redis: { url: x } }       | store.redis.url: must look like redis://host:port",
            "languages: [ro, Romanian]                       | languages: 'Romanian' is not a language code",
            "routing: { outcomes: [Advice Given] }           | routing.outcomes: 'Advice Given' must be lower-case",
            "telephony: { ami: { password: \"${NOPE}\" } }   | telephony.ami.password: environment variable NOPE is not set",
            "chat: { quickExitUrl: \"javascript:alert(1)\" } | chat.quickExitUrl: must be an http or https address",
            "chat: { embedOrigins: [\"*\"] }                   | chat.embedOrigins: '*' must be a scheme and host",
            "telephony: { browserPhone: { webSocketUrl: \"wss://pbx.example:8089/ws\", registrationExpiry: 5s } } | telephony.browserPhone.registrationExpiry: must be whole seconds from 10s to 1h",
            "telephony: { browserPhone: { webSocketUrl: \"wss://pbx.example:8089/ws\", registrationExpiry: 2h } } | telephony.browserPhone.registrationExpiry: must be whole seconds from 10s to 1h",
            "telephony: { browserPhone: { webSocketUrl: \"wss://pbx.example:8089/ws\", registrationExpiry: 90500ms } } | telephony.browserPhone.registrationExpiry: must be whole seconds",
            "routing: [1, 2                                  | is not valid YAML",
    })
    void aBrokenSettingIsNamedWithItsProblem(String yaml, String expected) {
        assertThatThrownBy(() -> loader.parse(yaml, "helpline.yaml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(expected.strip());
    }

    @Test
    void malformedYamlIsOneLineSayingWhereAndWhat() {
        assertThatThrownBy(() -> loader.parse("http:\n  port: [8080\nrouting: {\n", "helpline.yaml"))
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n")
                        .startsWith("helpline.yaml is not valid YAML at line 3, column 8: expected ',' or ']'"));
    }
}
