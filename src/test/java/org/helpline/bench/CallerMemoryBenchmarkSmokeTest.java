package org.helpline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the caller memory benchmark still runs (a few sockets; no figure is judged)")
class CallerMemoryBenchmarkSmokeTest {
    @Test
    void runsToItsTable(@TempDir Path dir) throws Exception {
        String table = CallerMemoryBenchmark.run(dir, new CallerMemoryBenchmark.Size(20, 10, 1));

        assertThat(table).contains("Caller memory benchmark").contains("20 open chats (2 operators), then 10 idle");
        assertThat(table.lines().filter(line -> line.startsWith("median")).findFirst().orElseThrow())
                .matches("median +\\d+\\.\\d MiB +\\d+\\.\\d MiB +\\d+\\.\\d MiB +-?\\d+\\.\\d KiB +-?\\d+\\.\\d KiB");
    }
}
