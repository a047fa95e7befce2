package org.helpline;

import java.time.Clock;

import io.vertx.core.Vertx;
import org.helpline.config.HelplineConfig;
import org.helpline.config.HttpConfig;
import org.helpline.config.ReferralConfig;
import org.helpline.config.StoreConfig;
import org.helpline.config.TelephonyConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Warms a standby: starts a whole server once in a throwaway Vert.x and stops it, so that a takeover finds every
 * class loaded and the start-up paths compiled instead of paying for them while the helpline waits. The rehearsal
 * acts on nothing outside the process: its store is in memory, telephony and referrals are off (no Asterisk, no
 * partner), its HTTP port is one the system picks on loopback, and the accounts are read, never changed. It does not
 * even read the state from Redis: loading prunes expired entries, a write that only the leader may make.
 */
final class Rehearsal {
    private static final Logger LOG = LoggerFactory.getLogger(Rehearsal.class);

    private Rehearsal() {
    }

    /** Blocking: call from a thread of no Vert.x, so that every room takes a context of the rehearsal's own. */
    static void run(HelplineConfig config, Clock clock) {
        long began = System.nanoTime();
        // the rehearsal's own lines follow (http.listening on loopback, dispatch.restored contacts=0): none is the helpline's
        LOG.info("standby.rehearsing store=memory telephony=off referrals=off");
        Vertx vertx = Vertx.vertx();
        try {
            HelplineServer.rehearse(vertx, offline(config), clock).await().stop().await();
        } finally {
            vertx.close().await();
        }
        LOG.info("standby.rehearsed ms={}", (System.nanoTime() - began) / 1_000_000);
    }

    /** The configuration with everything that would reach outside the process switched off. */
    private static HelplineConfig offline(HelplineConfig config) {
        TelephonyConfig t = config.telephony();
        ReferralConfig r = config.referral();
        return new HelplineConfig(config.languages(), new HttpConfig("127.0.0.1", 0, config.http().publicUrl(), config.http().metricsToken()),
                config.routing(), new StoreConfig("memory", config.store().redis()), config.auth(),
                new TelephonyConfig(false, t.agi(), t.ami(), t.openingHours(), t.averageCallTime(), t.repeatCallers(),
                        t.browserPhone()),
                config.chat(), config.guidance(), config.supervision(),
                new ReferralConfig(false, r.retention(), r.summaryMaxLength(), r.presumedVictim(), r.kinds(), r.needs(),
                        r.consentExplains(), r.partners(), r.routes(), r.delivery(), r.encryption()),
                config.privacy());
    }
}
