package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One small round of {@link AgiBenchmark}, so that it cannot rot; its figures are no measurement. */
class AgiBenchmarkSmokeTest {
    @Test
    void runsToItsTable() throws Exception {
        String table = AgiBenchmark.run(new AgiBenchmark.Size(2, 1, 20, 20));

        assertThat(table).contains("2 clients, 20 sessions per measurement");
        assertThat(table.lines().filter(line -> line.matches("(bare, |helpline ).*? +\\d+ +\\d+\\.\\d{3} ms +\\d+\\.\\d{3} ms +\\d+ us")))
                .as("a row per server, every session answered and timed").hasSize(3);
        assertThat(table).containsPattern("helpline / bare empty script, per round: \\d+\\.\\d\\d, median \\d+\\.\\d\\d");
    }
}
