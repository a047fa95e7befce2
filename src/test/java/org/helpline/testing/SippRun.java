package org.helpline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One SIPp process running a scenario written by {@link SippCaller} or {@link OperatorPhone}, in a
 * folder of its own under target/ (its error and message logs stay there for a failed test).
 */
public final class SippRun implements AutoCloseable {
    private final Path folder;
    private final Process process;

    private SippRun(Path folder, Process process) {
        this.folder = folder;
        this.process = process;
    }

    static SippRun start(String name, String scenario, List<String> arguments) {
        try {
            Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target/sipp")).toAbsolutePath(), name + "-");
            Files.writeString(folder.resolve(name + ".xml"), scenario);
            // no -cp: SIPp finds a free control port itself (8888 and the 59 above); a port picked here could be taken
            // on another address by the time SIPp binds it on all of them, and SIPp would not start
            List<String> command = new ArrayList<>(List.of("sipp", "-sf", name + ".xml", "-nostdin", "-trace_err",
                    "-trace_msg", "-trace_screen"));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                    .redirectOutput(folder.resolve("sipp.out").toFile()).start();
            return new SippRun(folder, process);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for SIPp to end and fails unless every call went as the scenario says. */
    public void awaitSuccess(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("SIPp still running after " + within.toSeconds() + " s; " + logs());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("SIPp exited with " + process.exitValue() + " (a call did not go as written); " + logs());
        }
    }

    /**
     * Waits for SIPp to end (stopping it past the deadline) and returns how many calls did not go as the
     * scenario says, from its final statistics: calls made less calls that succeeded, so a call still
     * unfinished at the deadline counts as failed. A benchmark counts failures where a test fails.
     */
    public long awaitFailedCalls(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        // SIPp writes its screen file when it ends by itself; stopped, it prints the statistics on its output only
        List<String> screens = new ArrayList<>(files("_screen.log"));
        screens.addAll(files("sipp.out"));
        String statistics = screens.stream().filter(s -> s.contains("Successful call")).findFirst()
                .orElseThrow(() -> new AssertionError("SIPp left no statistics screen; " + logs()));
        return cumulative(statistics, "Total Calls created") - cumulative(statistics, "Successful call");
    }

    /** The last column of a statistics row, e.g. "  Successful call | 0 | 967". */
    private static long cumulative(String statistics, String counter) {
        String row = statistics.lines().filter(l -> l.strip().startsWith(counter)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no '" + counter + "' in SIPp's statistics"));
        String[] columns = row.split("\\|");
        return Long.parseLong(columns[columns.length - 1].strip());
    }

    /** Every SIP message SIPp received, as its message log has them. */
    public List<String> received() {
        List<String> messages = new ArrayList<>();
        for (String log : files("_messages.log")) {
            String[] parts = log.split("-{20,}[^\n]*\n");
            for (String part : parts) {
                if (part.contains("message received")) {
                    messages.add(part.substring(part.indexOf('\n') + 1).strip());
                }
            }
        }
        return messages;
    }

    /** The requests of this method SIPp received (INVITE, BYE, ...). */
    public long receivedRequests(String method) {
        return received().stream().filter(m -> m.startsWith(method + " ")).count();
    }

    /** The calls SIPp received a response of this status to this method for (a retransmitted response counts once). */
    public long callsAnswered(int status, String method) {
        return received().stream().filter(m -> m.startsWith("SIP/2.0 " + status + " "))
                .filter(m -> m.lines().anyMatch(l -> l.matches("(?i)CSeq:\\s*\\d+ " + method)))
                .flatMap(m -> m.lines().filter(l -> l.regionMatches(true, 0, "Call-ID:", 0, 8)).limit(1))
                .distinct().count();
    }

    private List<String> files(String suffix) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList()) {
                texts.add(Files.readString(file));
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String logs() {
        return "errors: " + String.join("\n", files("_errors.log")).lines().limit(20).toList() + " (in " + folder + ")";
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(5));
    }
}
