package org.helpline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("memory store")
class MemoryStoreTest extends HelplineStoreContract {
    private final FakeClock clock = new FakeClock();
    private final MemoryStore store = new MemoryStore(clock);

    @Override
    protected HelplineStore store() {
        return store;
    }

    @Override
    protected Duration shortTtl() {
        return Duration.ofSeconds(30);
    }

    @Override
    protected void letTimePass(Duration time) {
        clock.advance(time);
    }

    @Test
    @DisplayName("the sweep forgets expired values that nobody reads again")
    void sweepForgetsExpiredValuesNobodyReads() {
        await(store.put("chat:1", "a transcript", Duration.ofMinutes(2)));
        await(store.put("chat:2", "another", Duration.ofMinutes(10)));
        clock.advance(Duration.ofMinutes(2));

        assertThat(await(store.sweepExpired())).isEqualTo(1);
        assertThat(await(store.sweepExpired())).isZero();
        assertThat(await(store.get("chat:2"))).isEqualTo("another");
    }
}
