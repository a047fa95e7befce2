package org.helpline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.helpline.testing.RedisServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link RoutingBenchmark} with a few operators and contacts, so that it cannot rot; its figures are no measurement. */
class RoutingBenchmarkSmokeTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    @Test
    void runsToItsTable() throws Exception {
        String table = RoutingBenchmark.run(new RoutingBenchmark.Size(5, 20, 10, 50, 50, 1_000), REDIS);

        assertThat(table).contains("(5 operators, 20 waiting)");
        assertThat(table.lines().filter(line -> line.matches("(memory|redis) +\\d+ +\\d+\\.\\d{3} ms +\\d+\\.\\d{3} ms")))
                .as("a row per store, with throughput and both latencies measured").hasSize(2);
    }
}
