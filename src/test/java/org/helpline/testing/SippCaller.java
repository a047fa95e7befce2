package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A caller on the carrier trunk, as SIPp plays it: calls the helpline's number from 127.0.0.1, sends
 * audio all the time (as a carrier does), presses keys (SIP INFO) and ends as the test says. The steps
 * are what the caller does and what their line must show; a call that goes otherwise fails
 * {@link SippRun#awaitSuccess}.
 *
 * <pre>{@code
 * SippCaller.to(asterisk).pause(Duration.ofSeconds(2)).key('2').holdFor(Duration.ofSeconds(30)).hangUp().start();
 * }</pre>
 */
public final class SippCaller {
    private static final String DID = "0800800678";
    private final List<String> steps = new ArrayList<>();
    private int calls = 1;
    private double perSecond = 1;
    private String ending;
    private int refusal;
    private int mayBeRefused;
    private String number;
    private int port;

    private SippCaller(RealAsterisk asterisk) {
        this.port = asterisk.sipPort();
    }

    public static SippCaller to(RealAsterisk asterisk) {
        return new SippCaller(asterisk);
    }

    /** Calls through the SIP front, as the carrier does where one stands before Asterisk. */
    public SippCaller through(SipFront front) {
        this.port = front.port();
        return this;
    }

    /** Calls from this number, with a name, as a carrier passes them on (else the user "caller", no number). */
    public SippCaller from(String callerNumber) {
        this.number = callerNumber;
        return this;
    }

    /** Waits that long (the line keeps playing; a BYE from the line meanwhile fails the call). */
    public SippCaller pause(Duration duration) {
        steps.add("<pause milliseconds=\"" + duration.toMillis() + "\"/>");
        return this;
    }

    /**
     * Presses a key (0-9, * or #) as SIP INFO, in a transaction of its own, sent again while unanswered (UDP:
     * a loaded Asterisk may drop it or answer late; SIPp fails the call after its last try, and a second 200
     * arriving late is known as a retransmission).
     */
    public SippCaller key(char key) {
        String transaction = "key" + steps.size();
        steps.add("""
                <send start_txn="%s" retrans="500"><![CDATA[

                  INFO sip:[service]@[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: caller <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                  To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
                  Call-ID: [call_id]
                  CSeq: [cseq] INFO
                  Contact: sip:caller@[local_ip]:[local_port]
                  Max-Forwards: 70
                  Content-Type: application/dtmf-relay
                  Content-Length: [len]

                  Signal=%s
                  Duration=160
                ]]></send>
                <recv response="200" response_txn="%s"/>
                """.formatted(transaction, key, transaction));
        return this;
    }

    /** Presses each key with a short gap, e.g. "*0". */
    public SippCaller keys(String keys) {
        for (int i = 0; i < keys.length(); i++) {
            if (i > 0) {
                pause(Duration.ofMillis(300));
            }
            key(keys.charAt(i));
        }
        return this;
    }

    /** Holds for that long; the line must not hang up meanwhile. */
    public SippCaller holdFor(Duration duration) {
        return pause(duration);
    }

    /** The caller hangs up (BYE). */
    public SippCaller hangUp() {
        ending = """
                <send retrans="500"><![CDATA[

                  BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: caller <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                  To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
                  Call-ID: [call_id]
                  CSeq: [cseq] BYE
                  Contact: sip:caller@[local_ip]:[local_port]
                  Max-Forwards: 70
                  Content-Length: 0

                ]]></send>
                <recv response="200" crlf="true"/>
                """;
        return this;
    }

    /** The line must hang up on the caller within that time (closed message, duress, an operator ending). */
    public SippCaller expectLineHangsUpWithin(Duration within) {
        ending = "<recv request=\"BYE\" timeout=\"%d\"/>\n".formatted(within.toMillis()) + OperatorPhone.OK_FOR_LAST;
        return this;
    }

    /** The carrier vanishes: the audio stops and no BYE is ever sent (nor anything answered). */
    public SippCaller vanish() {
        ending = "<nop><action><exec rtp_stream=\"pause\"/></action></nop>";
        return this;
    }

    /** The line refuses the call with this status before answering it (e.g. 486 when full); the caller acknowledges
     *  it in the INVITE's transaction ([branch-5]: the INVITE, five scenario messages back). */
    public SippCaller refusedWith(int status) {
        refusal = status;
        ending = "";
        return this;
    }

    /**
     * The line may instead refuse the call with this status before answering (a flood: some calls let in, the
     * rest refused); both end well. {@link SippRun#callsAnswered} counts each kind.
     */
    public SippCaller orRefusedWith(int status) {
        mayBeRefused = status;
        return this;
    }

    /** Places this many such calls, starting {@code perSecond} a second. */
    public SippCaller calls(int calls, double perSecond) {
        this.calls = calls;
        this.perSecond = perSecond;
        return this;
    }

    public SippRun start() {
        if (ending == null) {
            throw new IllegalStateException("say how the call ends: hangUp, expectLineHangsUpWithin or vanish");
        }
        String scenario = """
                <?xml version="1.0" encoding="UTF-8"?>
                <scenario name="caller">
                <send retrans="500"><![CDATA[

                  INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                  From: caller <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                  To: <sip:[service]@[remote_ip]:[remote_port]>
                  Call-ID: [call_id]
                  CSeq: [cseq] INVITE
                  Contact: sip:caller@[local_ip]:[local_port]
                  Max-Forwards: 70
                  Content-Type: application/sdp
                  Content-Length: [len]

                  v=0
                  o=- 53655765 2353687637 IN IP[local_ip_type] [local_ip]
                  s=-
                  c=IN IP[media_ip_type] [media_ip]
                  t=0 0
                  m=audio [rtpstream_audio_port] RTP/AVP 0 101
                  a=rtpmap:0 PCMU/8000
                  a=rtpmap:101 telephone-event/8000
                  a=fmtp:101 0-16
                  a=sendrecv

                ]]></send>
                <recv response="100" optional="true"/>
                <recv response="180" optional="true"/>
                <recv response="183" optional="true"/>
                %s<recv response="%s" rtd="true"/>
                %s
                %s
                %s
                %s
                %s</scenario>
                """.formatted(mayBeRefused == 0 ? "" : "<recv response=\"" + mayBeRefused + "\" optional=\"true\" next=\"refused\"/>\n",
                refusal == 0 ? 200 : refusal, ack(refusal == 0 ? "[branch]" : "[branch-5]"),
                refusal == 0 ? "<nop><action><exec rtp_stream=\"" + audio() + ",-1,0\"/></action></nop>" : "",
                refusal == 0 ? String.join("\n", steps) : "", ending, mayBeRefused == 0 ? "" : REFUSED_INSTEAD);
        // the refusal's ACK carries the INVITE's branch: [branch-N], N scenario messages after the INVITE
        if (mayBeRefused != 0) {
            scenario = scenario.replace("[branch-refused]", "[branch-" + messagesBefore(scenario, "[branch-refused]") + "]");
        }
        if (number != null) {
            scenario = scenario.replace("caller <sip:caller@", "\"Ion Popescu " + number + "\" <sip:" + number + "@")
                    .replace("sip:caller@", "sip:" + number + "@");
        }
        return SippRun.start("caller", scenario, List.of("-s", DID, "127.0.0.1:" + port,
                "-i", "127.0.0.1", "-p", Integer.toString(RealAsterisk.freeUdpPort()), "-mi", "127.0.0.1",
                "-mp", Integer.toString(RealAsterisk.freeUdpPort()), "-aa", "-m", Integer.toString(calls),
                "-r", Double.toString(perSecond), "-rp", "1000", "-l", Integer.toString(calls)));
    }

    /** The end of a call the line may refuse instead of answering: it acknowledges the refusal, and that is all. */
    private static final String REFUSED_INSTEAD = """
            <nop next="over"/>
            <label id="refused"/>
            %s
            <label id="over"/>
            """.formatted(ack("[branch-refused]"));

    /**
     * The caller's ACK of the INVITE's final answer, in the transaction of this Via branch. Its CSeq is the INVITE's
     * (1), not {@code [cseq]}: SIPp sends the ACK again for a 200 that a loaded Asterisk retransmits, and by then the
     * key presses have moved {@code [cseq]} on; an ACK with a later number makes Asterisk refuse the next INFO
     * ({@code 500 Invalid CSeq}) and the call failed for the harness's sake (3 of 1,100 at 110 new calls a second).
     */
    private static String ack(String branch) {
        return """
                <send><![CDATA[

                  ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
                  Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=%s
                  From: caller <sip:caller@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                  To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
                  Call-ID: [call_id]
                  CSeq: 1 ACK
                  Contact: sip:caller@[local_ip]:[local_port]
                  Max-Forwards: 70
                  Content-Length: 0

                ]]></send>""".formatted(branch);
    }

    /** SIPp's index of the message holding {@code marker}: the send, recv, pause and nop elements before it. */
    private static int messagesBefore(String scenario, String marker) {
        String before = scenario.substring(0, scenario.indexOf(marker));
        return (int) java.util.regex.Pattern.compile("<(send|recv|pause|nop)[ >/]").matcher(before).results().count() - 1;
    }

    /** One second of quiet µ-law audio, looped: what a carrier sends while the caller listens. */
    private static synchronized String audio() {
        Path file = Path.of("target/asterisk-prompts/caller-audio.wav").toAbsolutePath();
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Processes.output(List.of("sox", "-n", "-r", "8000", "-c", "1", "-e", "u-law", file.toString(),
                    "synth", "1", "sine", "440", "vol", "0.01"), Duration.ofSeconds(30));
        }
        return file.toString();
    }
}
