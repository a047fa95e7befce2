package org.helpline.telephony;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.helpline.testing.Browser;
import org.helpline.testing.RealAsterisk;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A browser phone and a real Asterisk talking over loopback only, for the tests that run both: Asterisk offers ICE
 * candidates on 127.0.0.1 only (rtp.conf [ice_host_candidates] maps this machine's addresses to it) and the page
 * announces only its 127.0.0.1 candidate (a script added before the page's own). Asterisk identifies by user name
 * first, because the browser's WebSocket comes from 127.0.0.1, the test trunk's address; and it serves the
 * WebSocket as plain ws on loopback (RealAsterisk's http.conf), or as wss where a test starts it with
 * {@link RealAsterisk.Builder#tls()} (Chromium then ignores that nobody vouches for the certificate made for the test).
 */
final class LoopbackWebRtc {
    /** Chromium with a fake microphone (a beep) that may talk WebRTC to itself. */
    private static final List<String> CHROMIUM = List.of(Browser.FAKE_MICROPHONE[0], Browser.FAKE_MICROPHONE[1],
            "--allow-loopback-in-peer-connection");

    private static final String ICE_LINE =
            "icesupport = yes                     ; browser phones need ICE; endpoints without ice_support (the carrier, desk phones) do not use it";
    private static final String LOOPBACK_CANDIDATES_ONLY = """
            const described = Object.getOwnPropertyDescriptor(RTCPeerConnection.prototype, 'localDescription');
            Object.defineProperty(RTCPeerConnection.prototype, 'localDescription', { get() {
              const d = described.get.call(this);
              if (!d) return d;
              const lines = d.sdp.split('\\r\\n').filter((l) => !l.startsWith('a=candidate:') || (/ 127\\.0\\.0\\.1 /.test(l) && / udp /i.test(l)));
              return { type: d.type, sdp: lines.join('\\r\\n') };
            } });
            """;

    private LoopbackWebRtc() {
    }

    /** The Asterisk settings for it. */
    static RealAsterisk.Builder asterisk() {
        return RealAsterisk.with()
                .edit("pjsip.conf", "endpoint_identifier_order = ip,username", "endpoint_identifier_order = username,ip")
                .edit("rtp.conf", ICE_LINE, ICE_LINE + "\nice_deny = ::/0\n\n[ice_host_candidates]\n" + loopbackMappings());
    }

    /**
     * The server's setting for Asterisk's WebSocket: wss if this Asterisk serves TLS, else ws; {@code more} are more keys
     * of telephony.browserPhone, e.g. ", registrationExpiry: 10s".
     */
    static String browserPhoneSetting(RealAsterisk asterisk, String more) {
        String url = asterisk.servesTls() ? "wss://127.0.0.1:" + asterisk.tlsPort() + "/ws" : "ws://127.0.0.1:" + asterisk.httpPort() + "/ws";
        return "  browserPhone: { webSocketUrl: \"" + url + "\"" + more + " }\n";
    }

    /**
     * Chromium for a page that talks to this Asterisk: fake microphone, media on loopback only (every page it opens
     * announces its loopback candidate only), the certificate of a TLS Asterisk accepted; {@code script} runs in every
     * page too, before the page's own.
     */
    static Browser browser(RealAsterisk asterisk, String script) {
        List<String> switches = new ArrayList<>(CHROMIUM);
        if (asterisk.servesTls()) {
            switches.add(Browser.TRUST_ANY_CERTIFICATE);
        }
        Browser browser = Browser.start(switches.toArray(String[]::new));
        ((ChromeDriver) browser.driver()).executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                Map.of("source", LOOPBACK_CANDIDATES_ONLY + script));
        return browser;
    }

    /** This machine's own addresses, announced as 127.0.0.1: no media to any address but loopback. */
    private static String loopbackMappings() {
        try {
            return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .map(a -> a.getHostAddress() + " => 127.0.0.1\n").collect(Collectors.joining());
        } catch (SocketException e) {
            throw new IllegalStateException(e);
        }
    }
}
