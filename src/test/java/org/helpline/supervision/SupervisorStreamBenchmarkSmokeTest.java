package org.helpline.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SupervisorStreamBenchmark} with two supervisors for a few seconds, so that it cannot rot; no figure is judged. */
class SupervisorStreamBenchmarkSmokeTest {
    @Test
    void runsToItsTable(@TempDir Path dir) throws Exception {
        String table = new SupervisorStreamBenchmark().run(dir, new SupervisorStreamBenchmark.Size(2, 20, 10, 1_000, 3_000));

        assertThat(table).contains("2 supervisors, 20 contacts waiting, 10 leave and 10 arrive per second");
        assertThat(table).containsPattern("update latency \\(event → update received\\) +p50 \\d+ ms +p99 \\d+ ms +max \\d+ ms +\\(\\d+ samples\\)");
        assertThat(table).as("the supervisors received updates while measuring")
                .containsPattern("updates per supervisor per second: (0\\.[1-9]\\d|[1-9]\\d*\\.\\d\\d)");
    }
}
