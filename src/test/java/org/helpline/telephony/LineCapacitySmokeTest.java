package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.helpline.testing.RealAsterisk;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LineCapacityBenchmark with a handful of calls, so it cannot rot: it completes with a sane table. No figure is judged. */
class LineCapacitySmokeTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void available() {
        RealAsterisk.assumeAvailableWithSipFront();
    }

    @Test
    void theBenchmarkRunsOnAHandfulOfCalls() throws Exception {
        // a window of 40 s: longer than a holding caller's 30 s between places, once each has been told its first
        String table = LineCapacityBenchmark.run(new LineCapacityBenchmark.Scale(20, 2, 40, 2, 3, 3, List.of(1), 3, 2, 1), dir);
        System.out.println(table); // into the test report, for whoever looks

        assertThat(table).contains("bare FastAGI", "helpline")
                .containsPattern("callers holding at once \\(of 3\\) +3 \\(0 failed\\) +3 \\(0 failed\\)")
                .containsPattern("position AGI p50 / p99 \\(sessions; holding\\) +[0-9.]+ / [0-9.]+ ms \\([1-9][0-9]*; 2\\)")
                .containsPattern("Asterisk CPU \\(cores\\) while they hold / 3 hold +[0-9.]+ / [0-9.]+ +[0-9.]+ / [0-9.]+")
                .containsPattern("new calls/s with 0 failed \\(3 s each\\) +1/s +1/s")
                .containsPattern("line full \\(2 holding\\) +5 calls, 5 refused 486 +5 calls, 5 refused 486")
                // 1.5 calls a second for 3 s against a limit of 1 a second: some let in, the rest refused, none failed
                .containsPattern("the line with room, 1 new calls/s +5 calls: [1-4] in, [1-4] refused, 0 failed +5 calls: [1-4] in, [1-4] refused, 0 failed")
                .containsPattern("dropped; front warnings +2, 2; 0; 0 +2, 2; 0; 0");
    }
}
