package org.helpline.telephony;

import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
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
 * WebSocket as plain ws on loopback (RealAsterisk's http.conf), or over TLS where a test asks (BrowserPhoneLine.secure).
 */
final class LoopbackWebRtc {
    /** Chromium with a fake microphone (a beep) that may talk WebRTC to itself. */
    static final String[] CHROMIUM = {Browser.FAKE_MICROPHONE[0], Browser.FAKE_MICROPHONE[1], "--allow-loopback-in-peer-connection"};

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
    static RealAsterisk.Builder asterisk(int agiPort) {
        return RealAsterisk.with().agiPort(agiPort)
                .edit("pjsip.conf", "endpoint_identifier_order = ip,username", "endpoint_identifier_order = username,ip")
                .edit("rtp.conf", ICE_LINE, ICE_LINE + "\nice_deny = ::/0\n\n[ice_host_candidates]\n" + loopbackMappings());
    }

    /** The server's setting for Asterisk's WebSocket. */
    static String browserPhoneSetting(RealAsterisk asterisk) {
        return "  browserPhone: { webSocketUrl: \"ws://127.0.0.1:" + asterisk.httpPort() + "/ws\" }\n";
    }

    /** Every page the browser opens from now on announces its loopback candidate only; {@code more} runs there too. */
    static void loopbackOnly(ChromeDriver page, String more) {
        page.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LOOPBACK_CANDIDATES_ONLY + more));
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
