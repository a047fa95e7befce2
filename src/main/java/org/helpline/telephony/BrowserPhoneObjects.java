package org.helpline.telephony;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * The three PJSIP objects of one browser phone as the server writes them into Asterisk's database
 * (sorcery.conf maps endpoints, aors and auths to the astdb family {@value #FAMILY}): the value of each
 * key is the JSON of the object's options, which res_sorcery_astdb reads. Objects in astdb take no
 * template, so the endpoint repeats every option of {@code [browser-phone](!)} and the aor every option of
 * {@code [browser-phone-aor](!)} in pjsip_browser.conf (a test keeps them the same).
 */
final class BrowserPhoneObjects {
    static final String FAMILY = "helpline-phones";
    static final String ENDPOINT = FAMILY + "/endpoint";
    static final String AOR = FAMILY + "/aor";
    static final String AUTH = FAMILY + "/auth";

    /** How often Asterisk asks each browser phone whether it is still there (SIP OPTIONS, which JsSIP answers). */
    static final Duration QUALIFY_FREQUENCY = Duration.ofSeconds(30);

    /** {@code [browser-phone](!)} of pjsip_browser.conf, without its {@code type}. */
    static final Map<String, String> ENDPOINT_TEMPLATE = template();

    private BrowserPhoneObjects() {
    }

    private static Map<String, String> template() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("webrtc", "yes");
        options.put("context", "helpline-operators");
        options.put("disallow", "all");
        options.put("allow", "alaw,ulaw");
        options.put("direct_media", "no");
        options.put("dtmf_mode", "rfc4733");
        options.put("send_connected_line", "no");
        options.put("send_pai", "no");
        options.put("send_rpid", "no");
        options.put("trust_id_outbound", "no");
        options.put("allow_subscribe", "no");
        options.put("device_state_busy_at", "1");
        options.put("rtp_timeout", "15");
        options.put("moh_suggest", "helpline");
        return Map.copyOf(options);
    }

    static String endpoint(String name) {
        JsonObject json = new JsonObject();
        ENDPOINT_TEMPLATE.forEach(json::put);
        return json.put("auth", name).put("aors", name).encode();
    }

    /**
     * {@code [browser-phone-aor](!)} of pjsip_browser.conf for this registration lifetime: one registration at a
     * time (a browser that registers again replaces its old one), lasting exactly {@code expiry}; qualified, because
     * only then does Asterisk report the contact coming and going (AMI ContactStatus) for an aor written into astdb.
     */
    static String aor(Duration expiry) {
        String seconds = String.valueOf(expiry.toSeconds());
        return new JsonObject().put("max_contacts", "1").put("remove_existing", "yes")
                .put("qualify_frequency", String.valueOf(QUALIFY_FREQUENCY.toSeconds()))
                .put("maximum_expiration", seconds).put("minimum_expiration", seconds).put("default_expiration", seconds).encode();
    }

    static String auth(String name, String password) {
        return new JsonObject().put("auth_type", "userpass").put("username", name).put("password", password).encode();
    }
}
