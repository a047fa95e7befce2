package org.helpline.testing;

import java.time.Duration;
import java.util.List;

/**
 * An operator's desk phone, as SIPp plays it: registers endpoint NAME (password {@code CHANGE_ME_NAME},
 * as pjsip.conf ships it) from its own loopback address, then answers every INVITE in one way and
 * every OPTIONS (Asterisk's qualify) with 200.
 *
 * <pre>{@code
 * try (OperatorPhone phone = OperatorPhone.register(asterisk, "2001", "127.0.0.2", OperatorPhone.Answer.PICKS_UP)) {
 *     ... phone.invites() ...
 * }
 * }</pre>
 */
public final class OperatorPhone implements AutoCloseable {
    /** What the phone does with a call. */
    public enum Answer {
        /** rings briefly, answers, and stays until the other side hangs up */
        PICKS_UP,
        /** rings briefly, answers, and hangs up (BYE) two seconds later: the operator ends the call */
        HANGS_UP,
        /** answers 486 Busy Here */
        BUSY,
        /** rings until Asterisk gives up (RING_TIMEOUT) */
        NEVER
    }

    /** SIPp's answer to the request just received (a BYE, a CANCEL): 200 OK, no body. */
    static final String OK_FOR_LAST = """
            <send><![CDATA[

              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]></send>
            """;

    private final SippRun uas;

    private OperatorPhone(SippRun uas) {
        this.uas = uas;
    }

    /** Registers (digest auth), then answers calls as {@code answer} says until closed. */
    public static OperatorPhone register(RealAsterisk asterisk, String endpoint, String address, Answer answer) {
        return register(asterisk, endpoint, RealAsterisk.PHONE_PASSWORD_PREFIX + endpoint, address, answer);
    }

    /** As above, for an endpoint with this password (a browser phone's, as the server issued it). */
    public static OperatorPhone register(RealAsterisk asterisk, String endpoint, String password, String address, Answer answer) {
        int port = RealAsterisk.freeUdpPort();
        List<String> common = List.of("127.0.0.1:" + asterisk.sipPort(), "-i", address, "-p", Integer.toString(port));
        SippRun registering = SippRun.start("register-" + endpoint, register(endpoint), concat(common,
                List.of("-s", endpoint, "-au", endpoint, "-ap", password, "-m", "1")));
        registering.awaitSuccess(Duration.ofSeconds(30));
        SippRun uas = SippRun.start("phone-" + endpoint, phone(answer), concat(common,
                List.of("-mi", address, "-mp", Integer.toString(RealAsterisk.freeUdpPort()), "-aa")));
        // Asterisk qualifies the contact as it registers, perhaps before this phone listens: asked again until it answers
        // (else the next qualify would come only qualify_frequency, 30 s, later)
        Eventually.until(() -> {
            asterisk.cli("pjsip qualify " + endpoint);
            return asterisk.cli("pjsip show contacts").lines().anyMatch(l -> l.contains(endpoint + "/sip:")
                    && l.contains(address) && l.contains("Avail"));
        }, "phone " + endpoint + " registered and reachable (asterisk -rx 'pjsip show contacts')", RealAsterisk.CALLS);
        return new OperatorPhone(uas);
    }

    /** The calls Asterisk offered this phone so far. */
    public long invites() {
        return uas.receivedRequests("INVITE");
    }

    /** Every SIP message the phone received (e.g. to check what caller id it was shown). */
    public List<String> received() {
        return uas.received();
    }

    @Override
    public void close() {
        uas.close();
    }

    private static String register(String endpoint) {
        String request = """
                <send retrans="500"><![CDATA[

                  REGISTER sip:[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: <sip:%1$s@[remote_ip]:[remote_port]>;tag=[pid]SIPpTag[call_number]
                  To: <sip:%1$s@[remote_ip]:[remote_port]>
                  Call-ID: [call_id]
                  CSeq: [cseq] REGISTER
                  Contact: <sip:%1$s@[local_ip]:[local_port]>
                  Max-Forwards: 70
                  Expires: 3600
                  %2$s
                  Content-Length: 0

                ]]></send>
                """;
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scenario name="register">
                %s
                <recv response="401" auth="true"/>
                %s
                <recv response="200"/>
                </scenario>
                """.formatted(request.formatted(endpoint, ""), request.formatted(endpoint, "[authentication]"));
    }

    private static String phone(Answer answer) {
        String invite = """
                <recv request="INVITE">%s</recv>
                <send><![CDATA[

                  SIP/2.0 %s
                  [last_Via:]
                  [last_From:]
                  [last_To:];tag=[pid]SIPpTag01[call_number]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Contact: <sip:phone@[local_ip]:[local_port]>
                  Content-Length: 0

                ]]></send>
                """;
        String answered = """
                <pause milliseconds="500"/>
                <send retrans="500"><![CDATA[

                  SIP/2.0 200 OK
                  [last_Via:]
                  [last_From:]
                  [last_To:];tag=[pid]SIPpTag01[call_number]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Contact: <sip:phone@[local_ip]:[local_port]>
                  Content-Type: application/sdp
                  Content-Length: [len]

                  v=0
                  o=- 53655765 2353687637 IN IP[local_ip_type] [local_ip]
                  s=-
                  c=IN IP[media_ip_type] [media_ip]
                  t=0 0
                  m=audio [media_port] RTP/AVP 0
                  a=rtpmap:0 PCMU/8000

                ]]></send>
                <recv request="ACK"/>
                """;
        String body = switch (answer) {
            case HANGS_UP -> invite.formatted("""
                    <action><ereg regexp=".*" search_in="hdr" header="From:" assign_to="caller"/>\
                    <ereg regexp=".*" search_in="hdr" header="To:" assign_to="phone"/>\
                    <ereg regexp="sip:[^>;]*" search_in="hdr" header="Contact:" assign_to="line"/></action>""", "180 Ringing")
                    + answered + """
                    <pause milliseconds="2000"/>
                    <send retrans="500"><![CDATA[

                      BYE [$line] SIP/2.0
                      Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                      From: [$phone];tag=[pid]SIPpTag01[call_number]
                      To: [$caller]
                      Call-ID: [call_id]
                      CSeq: 1 BYE
                      Max-Forwards: 70
                      Content-Length: 0

                    ]]></send>
                    <recv response="200"/>
                    """;
            case PICKS_UP -> invite.formatted("", "180 Ringing") + answered + """
                    <recv request="BYE"/>
                    """ + OK_FOR_LAST;
            case BUSY -> invite.formatted("", "486 Busy Here") + "<recv request=\"ACK\"/>";
            // the CANCEL's CSeq is not the INVITE's method: keep the INVITE's number for the 487
            case NEVER -> invite.formatted(
                    "<action><ereg regexp=\"[0-9]+\" search_in=\"hdr\" header=\"CSeq:\" assign_to=\"inviteCseq\"/></action>",
                    "180 Ringing") + "<recv request=\"CANCEL\"/>" + OK_FOR_LAST + """
                    <send><![CDATA[

                      SIP/2.0 487 Request Terminated
                      [last_Via:]
                      [last_From:]
                      [last_To:];tag=[pid]SIPpTag01[call_number]
                      [last_Call-ID:]
                      CSeq: [$inviteCseq] INVITE
                      Content-Length: 0

                    ]]></send>
                    <recv request="ACK"/>
                    """;
        };
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <scenario name="phone">
                %s
                </scenario>
                """.formatted(body);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
