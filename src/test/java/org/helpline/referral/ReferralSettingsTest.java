package org.helpline.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.helpline.config.ConfigException;
import org.helpline.config.ConfigLoader;
import org.helpline.config.HelplineConfig;
import org.helpline.testing.FakeClock;
import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("referral settings")
class ReferralSettingsTest {
    private static final String ENDPOINT = "https://partner.example.ro/helpline/referrals";

    private static HelplineConfig load(String yaml) {
        return new ConfigLoader(name -> null).parse(yaml, "helpline.yaml");
    }

    @Test
    void offByDefaultWithTheBuiltInRules() {
        HelplineConfig defaults = HelplineConfig.defaults();

        assertThat(defaults.referral().enabled()).isFalse();
        assertThat(defaults.referral().presumedVictim()).hasSize(5);
        assertThat(defaults.referral().retention()).hasDays(30);
        assertThat(load(ReferralFixture.yaml(ENDPOINT, "")).referral().enabled()).isTrue();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "endpoint: \"http://partner.example.ro/r\"       | referral.partners.anitp.endpoint: must be an https:// URL",
            "secret: \"not-from-the-environment-0123456789\" | referral.partners.anitp.secret: write ${ENVIRONMENT_VARIABLE}, never the secret itself",
            "secret: \"${S:-too-short}\"                     | referral.partners.anitp.secret: must be at least 32 characters",
    })
    void namesAPartnerSettingAtFault(String change, String expected) {
        String yaml = ReferralFixture.yaml(ENDPOINT, "").replaceFirst(
                change.startsWith("endpoint") ? "endpoint: \"[^\"]*\"" : "secret: \"[^\"]*\"",
                java.util.regex.Matcher.quoteReplacement(change.strip()));
        assertThatThrownBy(() -> load(yaml)).isInstanceOf(ConfigException.class).hasMessageStartingWith(expected.strip());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "encryption: { currentKey: k9, keys: { k1: \"${K:-MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=}\" } } | referral.encryption.currentKey: 'k9' is not one of the keys",
            "encryption: { currentKey: k1, keys: { k1: MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY= } }          | referral.encryption.keys.k1: write ${ENVIRONMENT_VARIABLE} or file:PATH",
            "encryption: { currentKey: k1, keys: { k1: \"file:/nonexistent/key\" } }                              | referral.encryption.keys.k1: cannot read the key file",
            "encryption: { currentKey: k1, keys: { k1: \"${K:-bm90IGEga2V5}\" } }                                 | referral.encryption.keys.k1: is 9 bytes",
            "encryption: { currentKey: \"\" }                                                                    | referral.encryption.keys: list at least one key",
    })
    void namesAKeySettingAtFault(String encryption, String expected) {
        assertThatThrownBy(() -> load(ReferralFixture.yaml(ENDPOINT, "  " + encryption.strip())))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(expected.strip());
    }

    @Test
    void namesARouteOrRuleAtFault() {
        String yaml = ReferralFixture.yaml(ENDPOINT, "");
        assertThatThrownBy(() -> load(yaml.replace("- { route: adult, partner: anitp }", "- { route: adult, kinds: [labour], partner: anitp }")))
                .hasMessageStartingWith("referral.routes: no route takes every adult referral");
        assertThatThrownBy(() -> load(yaml.replace("counties: [CJ], partner: dgaspc-cj", "counties: [CLUJ], partner: dgaspc-cj")))
                .hasMessageStartingWith("referral.routes[0].counties: 'CLUJ' is not a county code");
        assertThatThrownBy(() -> load(yaml.replace("partner: ngo-sexual }", "partner: ngo }")))
                .hasMessageStartingWith("referral.routes[2].partner: 'ngo' is not one of referral.partners");
        assertThatThrownBy(() -> load(yaml.replace("route: child, partner: anitp", "route: minor, partner: anitp")))
                .hasMessageStartingWith("referral.routes[1].route: must be adult, child or notification");
        assertThatThrownBy(() -> load(yaml.replace("- { route: notification, partner: anitp }", "")))
                .as("a third party's notification needs a partner too")
                .hasMessageStartingWith("referral.routes: no route takes every notification referral");
        assertThatThrownBy(() -> load(yaml + "  presumedVictim: [ { reason: { ro: x, en: x }, indicators: [deception], atLeast: 2 } ]\n"))
                .hasMessageStartingWith("referral.presumedVictim[0].atLeast: must be between 1 and");
        assertThatThrownBy(() -> load(yaml + "  presumedVictim: [ { reason: { en: only English }, indicators: [deception] } ]\n"))
                .as("the operator reads the reason in either console language")
                .hasMessageStartingWith("referral.presumedVictim[0].reason.ro:");
        assertThatThrownBy(() -> load(yaml + "  delivery: { firstRetry: 10m, longestRetry: 1m }\n"))
                .isInstanceOf(ConfigException.class);
    }

    @Test
    void anIndicatorTheGuidanceDoesNotKnowStopsTheStart(@TempDir Path dir) {
        String yaml = ReferralFixture.yaml(ENDPOINT, "")
                + "  presumedVictim: [ { reason: { ro: greșit, en: typo }, indicators: [retention_of_documentz] } ]\n";

        assertThatThrownBy(() -> TestServer.start(dir, new FakeClock(), yaml, List.of()))
                .hasMessageContaining("referral.presumedVictim[0].indicators: 'retention_of_documentz' is not an indicator in config/guidance/indicators.yaml");
    }

    @Test
    void aNeedAScriptEstablishesButTheFormDoesNotOfferStopsTheStart(@TempDir Path dir) {
        String yaml = ReferralFixture.yaml(ENDPOINT, "") + "  needs: [safety, shelter]\n";

        assertThatThrownBy(() -> TestServer.start(dir, new FakeClock(), yaml, List.of()))
                .hasMessageContaining("referral.needs: 'repatriation' (established by script 'abroad_trouble', step 'means_home') "
                        + "is not one of the needs listed");
    }
}
