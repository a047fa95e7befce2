package org.helpline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.helpline.testing.RedisServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the chat relay benchmark still runs to its table (a few chats; no figure is judged)")
class ChatBenchmarkSmokeTest {
    @RegisterExtension
    static final RedisServer REDIS = RedisServer.create();

    @Test
    void runsToItsTable(@TempDir Path dir) throws Exception {
        String table = ChatBenchmark.run(dir, new ChatBenchmark.Size(10, 1, 500, 1_000), REDIS);

        List<String> medians = table.lines().filter(line -> line.startsWith("median")).toList();
        assertThat(medians).hasSize(3);
        assertThat(medians).allSatisfy(line -> assertThat(line)
                .as("a server's median row, with latencies measured and no errors (a one-second throughput run on a busy"
                        + " machine may count nothing)")
                .matches("median +\\S.*? +\\d+\\.\\d+ ms +\\d+\\.\\d+ ms +\\d+ +-?\\d+\\.\\d KiB +0 +\\d+"));
    }
}
