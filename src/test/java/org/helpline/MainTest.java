package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code Main} as its own process, as an operator would start it. */
@DisplayName("starting the server")
class MainTest {
    private record Run(int exitCode, String stderr) {}

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop by itself");
        }
        return new Run(process.exitValue(), new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void aBrokenConfigurationStopsStartUpWithOneMessageAndExitCode2(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("broken.yaml");
        Files.writeString(config, "routing:\n  offerTimeout: soon\n");

        Run run = run(dir, "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().lines().toList()).singleElement().asString()
                .startsWith("helpline: configuration error in " + config)
                .contains("routing.offerTimeout");
    }

    @Test
    void aMissingConfigurationFileIsNamed(@TempDir Path dir) throws Exception {
        Run run = run(dir, "--config", "nowhere.yaml");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr()).contains("nowhere.yaml does not exist");
    }

    @Test
    void aPortInUseStopsStartUpWithExitCode1(@TempDir Path dir) throws Exception {
        try (var taken = new java.net.ServerSocket(0)) {
            Path config = dir.resolve("helpline.yaml");
            Files.writeString(config, "http: { port: %d }\ntelephony: { enabled: false }\nauth: { hashIterations: 1000 }\n"
                    .formatted(taken.getLocalPort()));
            Run run = run(dir, "--config", config.toString());
            assertThat(run.exitCode()).isEqualTo(1);
            assertThat(run.stderr()).startsWith("helpline: cannot start:");
        }
    }
}
