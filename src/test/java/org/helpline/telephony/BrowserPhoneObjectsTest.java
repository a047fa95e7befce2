package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The endpoint and aor the server writes for each browser phone are the pjsip_browser.conf templates, option for option. */
class BrowserPhoneObjectsTest {
    private static final Path TEMPLATE_FILE = Path.of("config/asterisk/pjsip_browser.conf");

    /** The options of one template of pjsip_browser.conf, without its {@code type}. */
    private static Map<String, String> template(String name) {
        DialplanConf.Section template = DialplanConf.read(TEMPLATE_FILE).sections.stream()
                .filter(s -> s.name().equals(name) && s.template()).findFirst().orElseThrow();
        Map<String, String> options = new LinkedHashMap<>();
        template.entries().stream().filter(e -> !e.key().equals("type")).forEach(e -> options.put(e.key(), e.value()));
        return options;
    }

    @Test
    void theServersEndpointsCarryExactlyTheTemplatesOptions() {
        Map<String, String> options = template("browser-phone");

        assertThat(BrowserPhoneObjects.ENDPOINT_TEMPLATE).isEqualTo(options);
        Map<String, Object> written = new JsonObject(BrowserPhoneObjects.endpoint("123456789012")).getMap();
        assertThat(written).containsAllEntriesOf(options).containsEntry("auth", "123456789012")
                .containsEntry("aors", "123456789012").hasSize(options.size() + 2);
    }

    @Test
    void theServersAorsAreTheTemplateWithTheConfiguredRegistrationLifetime() {
        Map<String, String> options = template("browser-phone-aor");

        // the template shows the default lifetime, 120 s
        assertThat(new JsonObject(BrowserPhoneObjects.aor(Duration.ofSeconds(120))).getMap()).isEqualTo(options);
        assertThat(new JsonObject(BrowserPhoneObjects.aor(Duration.ofSeconds(45))).getMap())
                .containsEntry("maximum_expiration", "45").containsEntry("minimum_expiration", "45")
                .containsEntry("default_expiration", "45").containsEntry("max_contacts", "1");
    }
}
