package org.helpline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.helpline.testing.TestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code Main} as its own process, as an operator would start it. */
@DisplayName("starting the server")
class MainTest {
    private record Run(int exitCode, String stdout, String stderr) {}

    private static List<String> java(String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    private static Run run(Path workDir, String... args) throws IOException, InterruptedException {
        return finished(new ProcessBuilder(java(args)).directory(workDir.toFile()));
    }

    private static Run finished(ProcessBuilder builder) throws IOException, InterruptedException {
        Process process = builder.start();
        process.getOutputStream().close();
        var stdout = CompletableFuture.supplyAsync(() -> read(process.getInputStream()));
        var stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the server did not stop by itself");
        }
        return new Run(process.exitValue(), stdout.join(), stderr.join());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void helpSaysHowToRunAndExitsZero(@TempDir Path dir) throws Exception {
        Run run = run(dir, "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.stdout()).contains("usage: ops/helpline [--config PATH]").contains("ops/helpline user");
    }

    @Test
    void malformedYamlIsOneLine(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("broken.yaml");
        Files.writeString(config, "http:\n  port: [8080\nrouting: {\n");

        Run run = run(dir, "--config", config.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stderr().lines().toList()).singleElement().asString()
                .startsWith("helpline: configuration error in " + config + ": " + config + " is not valid YAML at line 3");
    }

    @Test
    void everyAddressTheBannerPrintsAnswers(@TempDir Path dir) throws Exception {
        int port = TestServer.freePort();
        Path config = dir.resolve("helpline.yaml");
        Files.writeString(config, """
                http: { port: %d, metricsToken: "${HELPLINE_METRICS_TOKEN}" }
                telephony: { enabled: false }
                auth: { hashIterations: 1000 }
                guidance: { directory: "%s" }
                """.formatted(port, Path.of("config/guidance").toAbsolutePath()));
        ProcessBuilder start = new ProcessBuilder(java("--config", config.toString())).directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        start.environment().put("HELPLINE_METRICS_TOKEN", TestServer.METRICS_TOKEN);
        Process server = start.start();
        try (var lines = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> banner = new ArrayList<>();
            for (String line = lines.readLine(); line != null && !line.startsWith("Add an operator"); line = lines.readLine()) {
                banner.add(line);
            }
            List<String> addresses = banner.stream().flatMap(line -> Pattern.compile("http://[^\\s)]+").matcher(line)
                    .results().map(MatchResult::group)).toList();

            assertThat(addresses).contains("http://localhost:" + port + "/", "http://localhost:" + port + "/console/",
                    "http://localhost:" + port + "/supervisor/", "http://localhost:" + port + "/chat/");
            HttpClient http = HttpClient.newHttpClient();
            for (String address : addresses) {
                // as the monitoring system asks: /metrics answers only with the token
                var response = http.send(HttpRequest.newBuilder(URI.create(address))
                        .header("Authorization", "Bearer " + TestServer.METRICS_TOKEN).build(), HttpResponse.BodyHandlers.discarding());
                assertThat(response.statusCode()).as(address).isEqualTo(200);
            }
            assertThat(String.join("\n", banner)).contains("Log in at http://localhost:" + port + "/supervisor/");
        } finally {
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
        }
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
