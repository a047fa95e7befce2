package org.helpline.store;

import java.time.Duration;

import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;

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
}
