package org.helpline.config;

import java.util.List;

/** The whole configuration; every part has defaults, so an empty file is a working configuration. */
public record HelplineConfig(List<String> languages, HttpConfig http, RoutingConfig routing, StoreConfig store,
                             AuthConfig auth, TelephonyConfig telephony, ChatConfig chat,
                             GuidanceConfig guidance, SupervisionConfig supervision, ReferralConfig referral,
                             PrivacyConfig privacy) {
    public HelplineConfig {
        languages = languages == null ? List.of("ro", "en") : List.copyOf(languages);
        http = http == null ? new HttpConfig(null, null, null, null) : http;
        routing = routing == null ? new RoutingConfig(null, null, null, null, null, null, null, null) : routing;
        store = store == null ? new StoreConfig(null, null) : store;
        auth = auth == null ? new AuthConfig(null, null, null, null, null, null, null, null, null, null) : auth;
        telephony = telephony == null ? TelephonyConfig.defaults() : telephony;
        chat = chat == null ? ChatConfig.defaults() : chat;
        guidance = guidance == null ? GuidanceConfig.defaults() : guidance;
        supervision = supervision == null ? SupervisionConfig.defaults() : supervision;
        referral = referral == null ? ReferralConfig.defaults() : referral;
        privacy = privacy == null ? PrivacyConfig.defaults() : privacy;
    }

    public static HelplineConfig defaults() {
        return new HelplineConfig(null, null, null, null, null, null, null, null, null, null, null);
    }

    void validate() {
        Check.that(!languages.isEmpty(), "languages", "list at least one language");
        languages.forEach(l -> Check.that(l.matches("[a-z]{2,3}"), "languages",
                "'" + l + "' is not a language code such as ro or en"));
        http.validate();
        routing.validate();
        store.validate();
        auth.validate();
        telephony.validate();
        chat.validate();
        guidance.validate();
        supervision.validate();
        referral.validate();
        privacy.validate();
    }
}
