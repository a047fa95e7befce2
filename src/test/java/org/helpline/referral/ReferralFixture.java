package org.helpline.referral;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.ConfigLoader;
import org.helpline.config.HelplineConfig;
import org.helpline.config.ReferralConfig;

/** What the referral tests share: a working configuration with two partners, and requests as the console sends them. */
public final class ReferralFixture {
    public static final String SECRET = "test-partner-secret-0123456789abcdef";
    /** base64 of 32 bytes, the key k1 of the tests. */
    public static final String KEY_K1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
    public static final String KEY_K2 = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";

    private ReferralFixture() {
    }

    /**
     * The {@code referral:} section of a test configuration, both partners at {@code endpoint}.
     *
     * @param extra more settings inside {@code referral:}, each line indented two spaces
     */
    public static String yaml(String endpoint, String extra) {
        return """
                referral:
                  enabled: true
                  partners:
                    anitp: { name: "ANITP (test)", endpoint: "%1$s", secret: "${TEST_SECRET:-%2$s}" }
                    dgaspc-cj: { name: "DGASPC Cluj (test)", endpoint: "%1$s", secret: "${TEST_SECRET:-%2$s}" }
                    ngo-sexual: { name: "NGO shelter (test)", endpoint: "%1$s", secret: "${TEST_SECRET:-%2$s}" }
                  routes:
                    - { route: child, counties: [CJ], partner: dgaspc-cj }
                    - { route: child, partner: anitp }
                    - { route: adult, kinds: [sexual], partner: ngo-sexual }
                    - { route: adult, partner: anitp }
                    - { route: notification, partner: anitp }
                  delivery: { timeout: 3s, firstRetry: 30s, longestRetry: 4m, giveUpAfter: 1d, checkEvery: 20ms }
                %3$s
                """.formatted(endpoint, SECRET, extra.isBlank() ? "  encryption: { currentKey: k1, keys: { k1: \"${TEST_K1:-"
                + KEY_K1 + "}\" } }" : extra);
    }

    /** The indicator ids of the guidance the server ships. */
    public static java.util.Set<String> indicators() {
        java.util.Set<String> ids = new java.util.HashSet<>();
        org.helpline.guidance.GuidanceLibrary.load(java.nio.file.Path.of("config", "guidance")).indicatorGroups()
                .forEach(group -> group.indicators().forEach(indicator -> ids.add(indicator.id())));
        return ids;
    }

    public static ReferralConfig config(String endpoint) {
        return load(yaml(endpoint, "")).referral();
    }

    public static HelplineConfig load(String yaml) {
        return new ConfigLoader(name -> null).parse(yaml, "test");
    }

    /** An adult with signs of forced labour who agreed after everything was explained. */
    public static JsonObject adultWithConsent() {
        return new JsonObject()
                .put("indicators", new JsonArray().add("retention_of_documents").add("withholding_of_wages"))
                .put("age", "adult")
                .put("kind", "labour")
                .put("country", "NL")
                .put("county", "IS")
                .put("urgency", "urgent")
                .put("needs", new JsonArray().add("shelter").add("documents"))
                .put("consent", new JsonObject().put("given", true).put("explained", new JsonArray()
                        .add("rights").add("help_without_complaint").add("what_is_shared").add("who_receives")
                        .add("withdraw_any_time")))
                .put("reach", new JsonObject().put("way", "phone").put("value", "+31 6 1234 5678")
                        .put("window", "weekdays 18:00-20:00 NL time"))
                .put("summary", "Construction worker, documents kept by the employer, three months unpaid.");
    }

    /** A neighbour reporting a possible victim, an adult abroad with her documents taken; the neighbour may be called back. */
    public static JsonObject neighbourReporting() {
        return new JsonObject()
                .put("basis", "third_party")
                .put("indicators", new JsonArray().add("retention_of_documents"))
                .put("age", "adult")
                .put("kind", "labour")
                .put("country", "ES")
                .put("county", "CJ")
                .put("urgency", "normal")
                .put("reporter", new JsonObject().put("consentToContact", true).put("reach", new JsonObject()
                        .put("way", "phone").put("value", "0744 000 111").put("window", "evenings")))
                .put("summary", "An agency collects passports for strawberry picking in Spain.");
    }

    /** A 16-year-old in Cluj with one sign, nobody's consent. */
    public static JsonObject minorWithoutConsent() {
        return new JsonObject()
                .put("indicators", new JsonArray().add("deception"))
                .put("age", "minor")
                .put("kind", "sexual")
                .put("country", "GB")
                .put("county", "CJ")
                .put("urgency", "normal")
                .put("needs", new JsonArray().add("safety"))
                .put("summary", "Left with an older man for a job in London; answers only with scripted messages.");
    }
}
