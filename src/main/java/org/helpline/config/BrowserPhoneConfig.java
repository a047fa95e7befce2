package org.helpline.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The operator console's browser phone (README, "Browser phone"; ops/runbook.md, "Browser phones").
 *
 * @param webSocketUrl         where browsers reach Asterisk's SIP WebSocket, e.g. {@code wss://pbx.helpline.example:8089/ws};
 *                             empty switches the browser phone off (accounts with {@code --endpoint browser} then take no calls)
 * @param sipDomain            the domain of the browser phones' SIP addresses; by default the WebSocket's host
 * @param registrationExpiry   how long one registration of a browser phone lasts: the browser renews it before it
 *                             ends; a browser that sleeps or freezes renews nothing, and Asterisk drops it after this
 */
public record BrowserPhoneConfig(String webSocketUrl, String sipDomain, Duration registrationExpiry) {
    /** JsSIP renews no shorter registration; an hour leaves a sleeping laptop registered far too long. */
    static final Duration SHORTEST_EXPIRY = Duration.ofSeconds(10);
    static final Duration LONGEST_EXPIRY = Duration.ofHours(1);

    public BrowserPhoneConfig {
        webSocketUrl = webSocketUrl == null ? "" : webSocketUrl.strip();
        sipDomain = sipDomain == null || sipDomain.isBlank() ? hostOf(webSocketUrl) : sipDomain.strip();
        registrationExpiry = registrationExpiry == null ? Duration.ofSeconds(120) : registrationExpiry;
    }

    public boolean enabled() {
        return !webSocketUrl.isEmpty();
    }

    /** The origin the console page may open its phone's WebSocket to (Content-Security-Policy connect-src). */
    public String webSocketOrigin() {
        URI uri = URI.create(webSocketUrl);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    void validate() {
        if (!enabled()) {
            return;
        }
        String key = "telephony.browserPhone.webSocketUrl";
        Check.that(webSocketUrl.startsWith("wss://") || webSocketUrl.startsWith("ws://"), key,
                "must be a wss:// address such as wss://pbx.helpline.example:8089/ws (ws:// only for tests on loopback)");
        Check.that(!hostOf(webSocketUrl).isEmpty(), key, "names no host");
        Check.that(sipDomain.matches("[A-Za-z0-9.\\-\\[\\]:]+"), "telephony.browserPhone.sipDomain", "must be a host name");
        Check.that(registrationExpiry.compareTo(SHORTEST_EXPIRY) >= 0 && registrationExpiry.compareTo(LONGEST_EXPIRY) <= 0
                        && registrationExpiry.toMillisPart() == 0, "telephony.browserPhone.registrationExpiry",
                "must be whole seconds from 10s to 1h (120s is usual)");
    }

    private static String hostOf(String url) {
        try {
            String host = new URI(url).getHost();
            return host == null ? "" : host;
        } catch (URISyntaxException e) {
            return "";
        }
    }
}
