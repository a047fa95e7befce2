package org.helpline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.helpline.testing.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** One round of {@link TakeoverBenchmark}, so that it cannot rot; its figure is no measurement. */
class TakeoverBenchmarkSmokeTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    @Test
    void oneKillIsTakenOver(@TempDir Path dir) {
        List<TakeoverBenchmark.Takeover> takeovers = TakeoverBenchmark.measure(dir, REDIS, 1);
        assertThat(takeovers).hasSize(1);
        assertThat(takeovers.getFirst().phases()).containsKeys(TakeoverBenchmark.LEASE, "vertx", "accounts", "state");
        assertThat(TakeoverBenchmark.table(takeovers)).contains("total", "lease", "state", "standby warm at the kill: 1 of 1");
    }
}
