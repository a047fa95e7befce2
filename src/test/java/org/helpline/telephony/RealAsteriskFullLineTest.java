package org.helpline.telephony;

import java.time.Duration;

import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full line refuses new calls before answering them and leaves the callers on it alone
 * (HELPLINE_MAX_CALLS, 2 here). No server runs: the callers go to the fallback queue, which keeps them
 * on the line (with no phone registered, the closed message: over a minute) longer than the test.
 */
class RealAsteriskFullLineTest {
    @RegisterExtension
    static final RealTelephony TELEPHONY = RealTelephony.on(RealAsterisk.with().global("HELPLINE_MAX_CALLS", "2"));

    @Test
    void aCallBeyondTheLimitIsRefusedBusy_theCallersOnTheLineKeepIt(RealAsterisk asterisk) {
        SippRun holding = SippCaller.to(asterisk).holdFor(Duration.ofSeconds(25)).hangUp().calls(2, 10).start();
        asterisk.awaitCli("core show channels count", out -> out.contains("2 active calls"), "two callers on the line");

        SippCaller.to(asterisk).refusedWith(486).start().awaitSuccess(Duration.ofSeconds(30));

        holding.awaitSuccess(Duration.ofSeconds(90)); // neither was hung up on: each ended the call itself
        SippCaller.to(asterisk).holdFor(Duration.ofSeconds(2)).hangUp().start().awaitSuccess(Duration.ofSeconds(30));
    }
}
