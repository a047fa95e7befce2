package org.helpline.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("the chat heartbeat spreads its pings over the interval")
class HeartbeatTest {
    private final Map<Integer, Integer> pings = new HashMap<>();

    @Test
    void eachTickPingsOnlyItsShareAndAnIntervalPingsEveryoneOnce() {
        Heartbeat<Integer> heartbeat = new Heartbeat<>(this::ping);
        for (int i = 0; i < 1_000; i++) {
            heartbeat.add(i);
        }

        heartbeat.tick();
        assertThat(pings).hasSize(1_000 / Heartbeat.SLICES);
        for (int tick = 1; tick < Heartbeat.SLICES; tick++) {
            heartbeat.tick();
        }
        assertThat(pings).hasSize(1_000).allSatisfy((member, count) -> assertThat(count).isOne());
    }

    @Test
    void aConnectionThatIsGoneIsDroppedAndARemovedOneNeverPinged() {
        Set<Integer> gone = Set.of(3);
        Heartbeat<Integer> heartbeat = new Heartbeat<>(member -> ping(member) && !gone.contains(member));
        for (int i = 0; i < 5; i++) {
            heartbeat.add(i);
        }
        heartbeat.remove(4);

        for (int tick = 0; tick < 2 * Heartbeat.SLICES; tick++) {
            heartbeat.tick();
        }

        assertThat(heartbeat.size()).isEqualTo(3);
        assertThat(pings).doesNotContainKey(4).containsEntry(3, 1);
    }

    private boolean ping(Integer member) {
        pings.merge(member, 1, Integer::sum);
        return true;
    }
}
