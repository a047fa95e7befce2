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
        List<Long> millis = TakeoverBenchmark.measure(dir, REDIS, 1);
        assertThat(millis).hasSize(1).allMatch(ms -> ms > 0);
    }
}
