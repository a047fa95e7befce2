package org.helpline.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Channels that hung up while the room knew no contact for them. A caller who hangs up while the
 * inbound script is still registering them is heard before their contact is: when it arrives, it
 * leaves at once. Entries last a minute; a new AMI session forgets them all (an Asterisk restart
 * reuses channel names).
 */
final class EndedChannels {
    private static final Duration KEEP = Duration.ofMinutes(1);

    private final Map<String, Instant> ended = new LinkedHashMap<>();

    void add(String channel, Instant now) {
        prune(now);
        ended.remove(channel);
        ended.put(channel, now);
    }

    boolean contains(String channel, Instant now) {
        prune(now);
        return ended.containsKey(channel);
    }

    void clear() {
        ended.clear();
    }

    private void prune(Instant now) {
        Instant oldest = now.minus(KEEP);
        for (Iterator<Instant> at = ended.values().iterator(); at.hasNext(); ) {
            if (!at.next().isBefore(oldest)) {
                return;
            }
            at.remove();
        }
    }
}
