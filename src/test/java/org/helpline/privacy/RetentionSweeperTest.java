package org.helpline.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import org.helpline.store.MemoryStore;
import org.helpline.testing.FakeClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@DisplayName("retention sweeper")
@ExtendWith(VertxExtension.class)
class RetentionSweeperTest {
    private final FakeClock clock = new FakeClock();
    private final MemoryStore store = new MemoryStore(clock);

    @Test
    void runsEverySweepAndSaysWhatEachRemoved(Vertx vertx) {
        store.put("chat:1", "a transcript nobody reads again", Duration.ofMinutes(3)).await();
        store.put("stats:2026-11-23", "{}", Duration.ofDays(400)).await();
        RetentionSweeper sweeper = new RetentionSweeper(Duration.ofHours(1), List.of(
                new RetentionSweeper.Sweep("store", store::sweepExpired),
                new RetentionSweeper.Sweep("broken", () -> Future.failedFuture(new IllegalStateException("down"))),
                new RetentionSweeper.Sweep("throws", () -> {
                    throw new IllegalStateException("bug");
                })));
        vertx.deployVerticle(sweeper).await();

        assertThat(sweeper.sweepNow().await()).isEqualTo(Map.of("store", 0, "broken", -1, "throws", -1));
        clock.advance(Duration.ofMinutes(3));
        assertThat(sweeper.sweepNow().await()).containsEntry("store", 1);
        assertThat(store.entries("").await()).containsOnlyKeys("stats:2026-11-23");
    }
}
