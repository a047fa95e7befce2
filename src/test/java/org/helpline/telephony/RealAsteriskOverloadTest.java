package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.helpline.core.ChangeReason;
import org.helpline.core.Contact;
import org.helpline.core.ContactState;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SipFront;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.SocketProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Overload on a real Asterisk with the whole server: a flood of new calls twice the line's size
 * (HELPLINE_MAX_CALLS, 3 here) is refused busy before answering, and the callers already holding keep
 * their music (Asterisk keeps sending them audio) and their place in the queue (the same positions
 * announced, no contact leaves). So is a burst of new calls beyond HELPLINE_MAX_NEW_PER_SECOND (2 here)
 * while the line has room, and a flood faster than the SIP front lets through (refused there, before
 * Asterisk makes a channel for it). At full scale: LineCapacityBenchmark.
 */
class RealAsteriskOverloadTest {
    private static final int LINE = 3;

    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(RealAsterisk.with()
            .global("HELPLINE_MAX_CALLS", Integer.toString(LINE))
            .global("HOLD_ANNOUNCE_EVERY", "4")     // positions asked again while the flood comes
            .global("HOLD_DURESS_TIP", "no")).withLine();

    @Test
    void aFloodBeyondTheLineIsRefusedBusy_theHoldingCallersKeepTheirMusicAndTheirPlace(RealAsterisk asterisk, RealLine line) {
        try (SocketProbe ana = line.paused("ana")) { // the line is open, nobody takes calls: callers wait
            int mark = line.mark();
            Holders holders = holdersToldTheirPlaces(mark, SippCaller.to(asterisk));

            SippCaller.to(asterisk).refusedWith(486).calls(2 * LINE, 2 * LINE).start().awaitSuccess(Duration.ofSeconds(60));

            // the refused calls never reached the server; the holding callers are still where they were
            assertThat(line.eventsSince(mark)).filteredOn(c -> c.reason() == ChangeReason.NEW).hasSize(LINE);
            holders.keptTheirMusicAndPlaces(mark);
            line.presence(ana, "offline");
        }
    }

    @Test
    void aBurstOfNewCallsBeyondTheSecondsLimitIsRefusedBusy_theHoldingCallersKeepTheirMusicAndTheirPlace(
            RealAsterisk asterisk, RealLine line) {
        asterisk.cli("dialplan set global HELPLINE_MAX_CALLS 0");            // the line itself has room
        asterisk.cli("dialplan set global HELPLINE_MAX_NEW_PER_SECOND 2");
        try (SocketProbe ana = line.paused("ana")) {
            int mark = line.mark();
            Holders holders = holdersToldTheirPlaces(mark, SippCaller.to(asterisk));   // one a second: within the limit

            // 12 calls in 0.3 s: two a second are let in (they hear the menu and hang up), the rest refused;
            // a loaded Asterisk may spread the burst's arrival over a few seconds: two each
            assertThat(letInOf(SippCaller.to(asterisk), 12)).as("calls let in").isBetween(1L, 6L);
            holders.keptTheirMusicAndPlaces(mark);
            line.presence(ana, "offline");
        } finally {
            asterisk.cli("dialplan set global HELPLINE_MAX_CALLS " + LINE);
            asterisk.cli("dialplan set global HELPLINE_MAX_NEW_PER_SECOND 0");
        }
    }

    @Test
    void aFloodFasterThanTheSipFrontLetsThroughIsRefusedBusyBeforeAsterisk_theHoldingCallersKeepTheirMusicAndTheirPlace(
            RealAsterisk asterisk, RealLine line) {
        RealAsterisk.assumeAvailableWithSipFront();
        asterisk.cli("dialplan set global HELPLINE_MAX_CALLS 0"); // Asterisk answers every call it gets: a refusal is the front's
        try (SipFront front = SipFront.before(asterisk, 2);
             SocketProbe ana = line.paused("ana")) {
            int mark = line.mark();
            Holders holders = holdersToldTheirPlaces(mark, SippCaller.to(asterisk).through(front)); // one a second: passed

            // 20 calls in 0.5 s: two a second reach Asterisk (they hear the menu and hang up), the rest refused busy
            assertThat(letInOf(SippCaller.to(asterisk).through(front), 20)).as("calls let through").isBetween(1L, 6L);

            assertThat(line.eventsSince(mark)).filteredOn(c -> c.reason() == ChangeReason.NEW).hasSize(LINE);
            holders.keptTheirMusicAndPlaces(mark);   // their keys and hang-ups passed through the front too

            // the line ending a call (duress at the welcome): Asterisk's BYE comes back along the route, through the front
            SippRun ended = SippCaller.to(asterisk).through(front).pause(Duration.ofSeconds(1)).keys("*0")
                    .expectLineHangsUpWithin(Duration.ofSeconds(40)).start();
            ended.awaitSuccess(Duration.ofSeconds(60));
            assertThat(ended.received()).filteredOn(m -> m.startsWith("BYE ")).isNotEmpty()
                    .allSatisfy(bye -> assertThat(bye).contains("Via: SIP/2.0/UDP 127.0.0.1:" + front.port() + ";"));
            line.presence(ana, "offline");

            // malformed: Kamailio's parsers log such headers, unless told not to
            front.send("INVITE sip:0800800678@127.0.0.1 SIP/2.0\r\nFrom: \"Ion 0722123456\" <sip:0722123456@192.0.2.7>"
                    + "\r\nCSeq: broken\r\n\r\n");
            front.send("INVITE sip:0800800678@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK1\r\n"
                    + "From: \"Ion 0722123456\" <sip:0722123456@192.0.2.7\r\nTo: <sip:0800800678@127.0.0.1>\r\n"
                    + "Call-ID: 1\r\nCSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
            front.close();  // it ends once it has handled what it received
            assertThat(front.problems()).isEmpty();
            assertThat(front.log()).as("the front's log").doesNotContain("0722123456", "192.0.2.7");
        } finally {
            asterisk.cli("dialplan set global HELPLINE_MAX_CALLS " + LINE);
        }
    }

    /** That many new calls at 40 a second, each let in (it hears the menu, hangs up after 2 s) or refused 486: those let in. */
    private static long letInOf(SippCaller caller, int calls) {
        SippRun burst = caller.holdFor(Duration.ofSeconds(2)).hangUp().orRefusedWith(486).calls(calls, 40).start();
        burst.awaitSuccess(Duration.ofSeconds(60));
        long letIn = burst.callsAnswered(200, "INVITE");
        assertThat(letIn + burst.callsAnswered(486, "INVITE")).as("calls let in or refused 486").isEqualTo(calls);
        return letIn;
    }

    /** LINE callers from {@code caller}, one a second, holding with music; each is told their place. */
    private static Holders holdersToldTheirPlaces(int mark, SippCaller caller) {
        RealAsterisk asterisk = TELEPHONY.asterisk();
        RealLine line = TELEPHONY.line();
        SippRun holding = caller.pause(Duration.ofMillis(1500)).keys("291")
                .holdFor(Duration.ofSeconds(60)).hangUp().calls(LINE, 1).start();
        List<Contact> waiting = line.newCalls(mark, LINE);
        Map<String, String> places = new LinkedHashMap<>();
        for (int i = 0; i < LINE; i++) {
            places.put(waiting.get(i).channelRef(), "Data: helpline/pos-" + (i + 1)); // that place being announced
        }
        places.forEach((channel, place) -> assertThat(asterisk.awaitCli("core show channel " + channel,
                out -> out.contains(place), channel + " told its place"))
                .contains("WriteTranscode: No")); // the prompt's G.711 copy plays as it is: no transcoding per caller
        return new Holders(holding, places, audioSent(places.keySet()));
    }

    /** The callers holding: their SIPp run, each one's channel and place, and the RTP packets sent them so far. */
    private record Holders(SippRun holding, Map<String, String> places, Map<String, Long> sent) {
        /** Nobody left the queue or was offered; each is told the same place afresh and still hears music. */
        void keptTheirMusicAndPlaces(int mark) {
            RealAsterisk asterisk = TELEPHONY.asterisk();
            RealLine line = TELEPHONY.line();
            assertThat(line.eventsSince(mark)).extracting(c -> c.contact().state())
                    .doesNotContain(ContactState.ABANDONED, ContactState.OFFERED);
            for (String channel : places.keySet()) {
                asterisk.awaitCli("core show channel " + channel, out -> out.contains(places.get(channel)),
                        channel + " told the same place afresh");
                long before = sent.get(channel);
                asterisk.awaitCli("pjsip show channelstats", out -> audioSent(out, channel) > before + 50,
                        channel + " still sent music");
            }
            holding.awaitSuccess(Duration.ofSeconds(120)); // nobody was hung up on: each caller ended the call
        }
    }

    private static Map<String, Long> audioSent(Iterable<String> channels) {
        String stats = TELEPHONY.asterisk().cli("pjsip show channelstats");
        Map<String, Long> sent = new LinkedHashMap<>();
        channels.forEach(channel -> sent.put(channel, audioSent(stats, channel)));
        return sent;
    }

    /**
     * RTP packets Asterisk sent the caller so far: {@code pjsip show channelstats}' Transmit count, the 7th
     * column after the channel's name (no bridge: the BridgeId column is blank).
     */
    private static long audioSent(String stats, String channel) {
        String name = channel.substring(channel.indexOf('/') + 1);
        return stats.lines().map(l -> List.of(l.strip().split("\\s+"))).filter(columns -> columns.contains(name))
                .findFirst().map(columns -> Long.parseLong(columns.get(columns.indexOf(name) + 7)))
                .orElseThrow(() -> new AssertionError("no " + name + " in: " + stats));
    }
}
