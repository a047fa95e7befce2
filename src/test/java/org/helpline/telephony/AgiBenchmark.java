package org.helpline.telephony;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.management.OperatingSystemMXBean;
import org.helpline.bench.LogToFile;
import org.junit.jupiter.api.Test;

/**
 * Inbound registrations through our FastAGI server (each one registers a CALL contact with the real
 * dispatch and tells the dialplan to hold) against bare Asterisk-Java FastAGI servers with the same
 * clients in the same run: one running an empty script, one that only sets the variable the dialplan
 * reads. Rounds alternate the three servers; each round's ratio compares figures taken seconds apart.
 * Run it with {@code ./mvnw -q test -Dtest=AgiBenchmark}; it prints a table. The test suite runs it small in
 * {@link AgiBenchmarkSmokeTest}.
 *
 * <p>Each client plays Asterisk ({@link AgiLoad}) and counts the session from connecting until the server hangs up.
 * Each round starts a fresh helpline server (in the same JVM, so its code stays compiled), so the router
 * holds the 40,000 callers of one measurement at most; nothing records its events for tests.
 */
class AgiBenchmark {
    static final Size FULL = new Size(16, 3, 20_000, 20_000);
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** {@code cpuMicros}: CPU time of the whole process (servers and clients) per session. */
    private record Result(String server, double perSecond, double p50Millis, double p99Millis, double cpuMicros) {
        @Override
        public String toString() {
            return "%-22s %9.0f   %8.3f ms   %8.3f ms   %6.0f us".formatted(server, perSecond, p50Millis, p99Millis, cpuMicros);
        }
    }

    /** How big a run is: sessions per measurement, after {@code warmUp} sessions that are not counted. */
    record Size(int clients, int rounds, int warmUp, int sessions) {
    }

    @Test
    void inboundRegistrations() throws Exception {
        PrintStream console = LogToFile.redirect(Path.of("target", "agi-benchmark.log"));
        try {
            String table = run(FULL);
            console.println(table);
            Files.writeString(Path.of("target", "agi-benchmark.txt"), table);
        } finally {
            System.setOut(console);
        }
    }

    static String run(Size size) throws Exception {
        BareAgiServer empty = BareAgiServer.start(Map.of("inbound", (request, channel) -> { }));
        // the answer the dialplan needs, with nothing behind it: the protocol's own cost
        BareAgiServer setting = BareAgiServer.start(Map.of("inbound", (request, channel) -> channel.setVariable("HELPLINE_ACTION", "hold")));
        try {
            List<String> rows = new ArrayList<>();
            double[] toEmpty = new double[size.rounds()];
            double[] toSetting = new double[size.rounds()];
            // a first round that is not counted: the JIT compiles all three servers' code before any figure is kept
            measure("bare, empty script", empty.port(), size);
            measure("bare, 1 SET VARIABLE", setting.port(), size);
            measureHelpline(size);
            for (int round = 0; round < size.rounds(); round++) {
                Result bare = measure("bare, empty script", empty.port(), size);
                Result set = measure("bare, 1 SET VARIABLE", setting.port(), size);
                Result helpline = measureHelpline(size);
                rows.addAll(List.of(bare.toString(), set.toString(), helpline.toString()));
                toEmpty[round] = helpline.perSecond() / bare.perSecond();
                toSetting[round] = helpline.perSecond() / set.perSecond();
            }
            return """
                    FastAGI benchmark — %s, %d clients, %d sessions per measurement
                    server                 sessions/s   p50          p99          CPU/session
                    %s
                    helpline / bare empty script, per round: %s, median %.2f
                    helpline / bare setting the one variable, per round: %s, median %.2f
                    """.formatted(org.helpline.bench.Machine.describe(), size.clients(), size.sessions(), String.join("\n", rows),
                    describe(toEmpty), median(toEmpty), describe(toSetting), median(toSetting));
        } finally {
            empty.stop();
            setting.stop();
        }
    }

    /** A fresh server each round: its queue then holds one measurement's callers, not every round's. */
    private static Result measureHelpline(Size size) throws Exception {
        return AgiLoad.onHelpline(port -> measure("helpline inbound", port, size));
    }

    private static String describe(double[] ratios) {
        return String.join(" ", Arrays.stream(ratios).mapToObj(r -> "%.2f".formatted(r)).toList());
    }

    private static double median(double[] ratios) {
        double[] sorted = ratios.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Result measure(String name, int port, Size size) throws Exception {
        int sessions = size.sessions();
        run(port, size.warmUp(), size.clients());
        long cpuBefore = PROCESS.getProcessCpuTime();
        long started = System.nanoTime();
        long[] latencies = run(port, sessions, size.clients());
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMicros = (PROCESS.getProcessCpuTime() - cpuBefore) / 1e3 / sessions;
        Arrays.sort(latencies);
        return new Result(name, sessions / seconds, latencies[sessions / 2] / 1e6,
                latencies[(int) Math.ceil(sessions * 0.99) - 1] / 1e6, cpuMicros);
    }

    private static long[] run(int port, int sessions, int clientCount) throws Exception {
        byte[] environment = AgiLoad.environment(port, "inbound", TelephonyRoom.CALLER, "ro", "normal");
        return AgiLoad.run(port, sessions, clientCount, n -> environment);
    }
}
