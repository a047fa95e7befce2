package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** The endpoint the server writes for each browser phone is the pjsip_browser.conf template, option for option. */
class BrowserPhoneObjectsTest {
    private static final Path TEMPLATE_FILE = Path.of("config/asterisk/pjsip_browser.conf");

    @Test
    void theServersEndpointsCarryExactlyTheTemplatesOptions() {
        DialplanConf.Section template = DialplanConf.read(TEMPLATE_FILE).sections.stream()
                .filter(s -> s.name().equals("browser-phone") && s.template()).findFirst().orElseThrow();
        Map<String, String> options = new LinkedHashMap<>();
        template.entries().stream().filter(e -> !e.key().equals("type")).forEach(e -> options.put(e.key(), e.value()));

        assertThat(BrowserPhoneObjects.ENDPOINT_TEMPLATE).isEqualTo(options);
        Map<String, Object> written = new JsonObject(BrowserPhoneObjects.endpoint("123456789012")).getMap();
        assertThat(written).containsAllEntriesOf(options).containsEntry("auth", "123456789012")
                .containsEntry("aors", "123456789012").hasSize(options.size() + 2);
    }
}
