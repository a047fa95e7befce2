package org.helpline.telephony;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.asteriskjava.fastagi.AgiScript;
import org.helpline.bench.LogToFile;
import org.helpline.bench.Machine;
import org.helpline.testing.RealAsterisk;
import org.helpline.testing.SippCaller;
import org.helpline.testing.SippRun;
import org.helpline.testing.SocketProbe;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The phone line's capacity on a real Asterisk 22 with the project's dialplan, SIPp callers and, side by
 * side in one run, the helpline server against a bare Asterisk-Java FastAGI server that answers the same
 * scripts with the same variables (so the ratio shows what the server costs). Each side gets a fresh
 * Asterisk. Run it with {@code ./mvnw -q test -Dtest=LineCapacityBenchmark} (README, Benchmarks); it prints a
 * table and writes it to {@code target/line-capacity-benchmark.txt}. Not part of the test suite
 * ({@code LineCapacitySmokeTest} runs it with a handful of calls).
 *
 * <ol>
 * <li>Before anything is timed, each side's AGI path is compiled: {@code warmUp} callers played from Asterisk's side
 *     ({@link AgiLoad}) register and ask their place, through a stopwatch, on a server of that side thrown away after.
 * <li>Position AGI time while {@code timed} callers hold, as Asterisk sees it ({@link AgiStopwatch}): they arrive
 *     {@code holdRate} a second, choose English, say they are in danger, skip the advice, and hold with music,
 *     asking their position every 30 s; timed over {@code window} seconds once all hold.
 * <li>Callers holding at once: more arrive until {@code holding} hold; counted in Asterisk's hold context.
 * <li>New calls a second: each rate for {@code seconds}, callers reaching the inbound AGI and holding 2 s;
 *     the ceiling is the highest rate with 0 failed calls and every call registered.
 * <li>Overload: with the line's limit at {@code flooded} calls and as many callers holding, new calls at
 *     1.5 × the ceiling for {@code seconds}: each must be refused 486. Then, the line's limit lifted and new
 *     calls limited to {@code perSecond} a second, the same flood: those beyond the limit refused 486, the others
 *     let in (they hear the menu and hang up). No holding caller may lose the line through either.
 * </ol>
 */
class LineCapacityBenchmark {
    /** The sizes of one run, changed with -Dcapacity.holding=700 and the like (500 by default: the line's limit on 2 cores). */
    record Scale(int warmUp, int timed, int window, int holding, int holdRate, List<Integer> rates, int seconds, int flooded,
                 int perSecond) {
        static Scale fromProperties() {
            return new Scale(Integer.getInteger("capacity.warmUp", 5_000), Integer.getInteger("capacity.timed", 300), Integer.getInteger("capacity.window", 45),
                    Integer.getInteger("capacity.holding", 500), Integer.getInteger("capacity.holdRate", 50),
                    Arrays.stream(System.getProperty("capacity.rates", "40,50,60,70,80,90,100,110,120,130,150,170,200")
                                    .split(",")).map(Integer::valueOf).toList(),
                    Integer.getInteger("capacity.seconds", 10), Integer.getInteger("capacity.flooded", 300),
                    Integer.getInteger("capacity.perSecond", 30));
        }
    }

    /** One side's figures. */
    record Figures(String server, int held, long holdFailed, long[] positionNanos, int heldWhileTimed, double cpuWhileTimed,
                   double cpuWhileHeld, int ceiling, String rates, Flood full, Flood burst, long floodHoldersFailed) {
        double p(double quantile) {
            if (positionNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = positionNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6;
        }
    }

    /** One flood of new calls: how many came, were let in, refused 486, failed otherwise; the callers holding after. */
    record Flood(long calls, long letIn, long refused, long failed, int heldAfter) {
        static final Flood NONE = new Flood(0, 0, 0, 0, 0);
    }

    @TempDir
    static Path dir;

    @BeforeAll
    static void available() {
        RealAsterisk.assumeAvailable();
    }

    @Test
    void lineCapacity() throws Exception {
        PrintStream console = LogToFile.redirect(Path.of("target", "line-capacity-benchmark.log"));
        String table = run(Scale.fromProperties(), dir);
        console.println(table);
        Files.writeString(Path.of("target", "line-capacity-benchmark.txt"), table);
    }

    /**
     * Measures both sides and returns the table. The helpline first: should the warm-up leave anything cold, the side
     * measured second runs on a JVM whose shared code (Asterisk-Java, the stopwatch) the first side has used more.
     */
    static String run(Scale scale, Path dir) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        Figures helpline = measureHelpline(scale, dir);
        Figures bare = measureBare(scale);
        return table(scale, load, bare, helpline);
    }

    private static Figures measureBare(Scale scale) throws Exception {
        BareAgiServer warming = BareAgiServer.start(bareScripts());
        try {
            warmUp(warming.port(), scale.warmUp());
        } finally {
            warming.stop();
        }
        BareAgiServer server = BareAgiServer.start(bareScripts());
        try {
            return measure("bare FastAGI", scale, server.port(), agiPort -> () -> { });
        } finally {
            server.stop();
        }
    }

    private static Figures measureHelpline(Scale scale, Path dir) throws Exception {
        AgiLoad.onHelpline(port -> {
            warmUp(port, scale.warmUp());
            return null;
        });
        int serverPort = RealAsterisk.freeUdpPort();
        return measure("helpline", scale, serverPort, amiPort -> {
            RealLine line = new RealLine(Files.createTempDirectory(dir, "line-"), serverPort, amiPort).start();
            SocketProbe ana = line.paused("ana");    // the line open, nobody taking calls: every caller waits
            return () -> {
                ana.close();
                line.close();
            };
        });
    }

    /** Callers registering, then asking their place, through a stopwatch: the path step 1 times, compiled before it. */
    private static void warmUp(int agiPort, int callers) throws Exception {
        try (AgiStopwatch stopwatch = AgiStopwatch.start(agiPort)) {
            int port = stopwatch.port();
            AgiLoad.run(port, callers, 16, n -> AgiLoad.environment(port, "inbound", "PJSIP/warm-%08x".formatted(n), "en", "urgent"));
            AgiLoad.run(port, callers, 16, n -> AgiLoad.environment(port, "position", "PJSIP/warm-%08x".formatted(n)));
        }
    }

    /** Starts what answers the AGI once Asterisk is up (given its AMI port); returns how to stop it. */
    private interface Side {
        AutoCloseable start(int amiPort) throws Exception;
    }

    private static Figures measure(String name, Scale scale, int serverPort, Side side) throws Exception {
        try (AgiStopwatch stopwatch = AgiStopwatch.start(serverPort);
             RealAsterisk asterisk = RealAsterisk.with().agiPort(stopwatch.port()).global("HELPLINE_MAX_CALLS", "0")
                     .global("HELPLINE_MAX_NEW_PER_SECOND", "0").start();
             AutoCloseable server = side.start(asterisk.amiPort())) {
            // 1: the position AGI's time while the timed callers hold
            Duration window = Duration.ofSeconds(scale.window());
            int timedRamp = ramp(scale.timed(), scale.holdRate());
            int moreRamp = ramp(scale.holding() - scale.timed(), scale.holdRate());
            // the timed callers hold until the others are counted: their arrival, a wait for them all, the window, the others'
            SippRun timed = caller(asterisk).holdFor(window.plus(Duration.ofSeconds(2L * timedRamp + moreRamp + 30))).hangUp()
                    .calls(scale.timed(), scale.holdRate()).start();
            awaitHeld(asterisk, scale.timed(), Duration.ofSeconds(timedRamp + 20));
            int heldWhileTimed = held(asterisk);
            stopwatch.reset();
            double cpuWhileTimed = cpuShare(asterisk, window);
            long[] positions = stopwatch.sessions("position");

            // 2: callers holding at once
            SippRun more = caller(asterisk).holdFor(Duration.ofSeconds(moreRamp + 25)).hangUp()
                    .calls(scale.holding() - scale.timed(), scale.holdRate()).start();
            awaitHeld(asterisk, scale.holding(), Duration.ofSeconds(moreRamp + 20));
            int held = held(asterisk);
            double cpuWhileHeld = cpuShare(asterisk, Duration.ofSeconds(10));
            long holdFailed = timed.awaitFailedCalls(window.plus(Duration.ofSeconds(timedRamp + moreRamp + 180)))
                    + more.awaitFailedCalls(Duration.ofSeconds(moreRamp + 120));
            awaitIdle(asterisk);

            // 3: the ceiling of new calls a second
            int ceiling = 0;
            List<String> rates = new ArrayList<>();
            for (int rate : scale.rates()) {
                stopwatch.reset();
                int calls = rate * scale.seconds();
                long failed = caller(asterisk).holdFor(Duration.ofSeconds(2)).hangUp().calls(calls, rate).start()
                        .awaitFailedCalls(Duration.ofSeconds(scale.seconds() + 120));
                int registered = stopwatch.count("inbound");
                rates.add(rate + "/s: " + failed + " failed, " + registered + " of " + calls + " registered");
                awaitIdle(asterisk);
                if (failed > 0 || registered < calls) {
                    break;
                }
                ceiling = rate;
            }

            // 4: overload at 1.5 x the ceiling: the line's limit reached by callers holding, then the line with room
            Flood full = Flood.NONE;
            Flood burst = Flood.NONE;
            long floodHoldersFailed = 0;
            if (ceiling > 0) {
                asterisk.cli("dialplan set global HELPLINE_MAX_CALLS " + scale.flooded());
                int fill = ramp(scale.flooded(), scale.holdRate());
                SippRun flooded = caller(asterisk).holdFor(Duration.ofSeconds(fill + 60 + 2L * scale.seconds())).hangUp()
                        .calls(scale.flooded(), scale.holdRate()).start();
                awaitHeld(asterisk, scale.flooded(), Duration.ofSeconds(fill + 20));
                double rate = 1.5 * ceiling;
                int calls = (int) Math.round(rate * scale.seconds());
                SippRun refused = SippCaller.to(asterisk).refusedWith(486).calls(calls, rate).start();
                long failed = refused.awaitFailedCalls(Duration.ofSeconds(scale.seconds() + 60));
                full = new Flood(calls, 0, calls - failed, failed, held(asterisk));

                asterisk.cli("dialplan set global HELPLINE_MAX_CALLS 0");
                asterisk.cli("dialplan set global HELPLINE_MAX_NEW_PER_SECOND " + scale.perSecond());
                SippRun limited = SippCaller.to(asterisk).holdFor(Duration.ofSeconds(2)).hangUp().orRefusedWith(486)
                        .calls(calls, rate).start();
                failed = limited.awaitFailedCalls(Duration.ofSeconds(scale.seconds() + 60));
                burst = new Flood(calls, limited.callsAnswered(200, "INVITE"), limited.callsAnswered(486, "INVITE"), failed,
                        held(asterisk));
                floodHoldersFailed = flooded.awaitFailedCalls(Duration.ofSeconds(fill + 120 + 2L * scale.seconds()));
                awaitIdle(asterisk);
            }
            return new Figures(name, held, holdFailed, positions, heldWhileTimed, cpuWhileTimed, cpuWhileHeld, ceiling, String.join("; ", rates), full, burst,
                    floodHoldersFailed);
        }
    }

    /** Asterisk's CPU over the next {@code window}, in cores (1.0: one core's worth). */
    private static double cpuShare(RealAsterisk asterisk, Duration window) {
        Duration before = asterisk.cpuTime();
        sleep(window);
        return (double) asterisk.cpuTime().minus(before).toNanos() / window.toNanos();
    }

    /** Seconds for that many callers to arrive at that rate. */
    private static int ramp(int callers, int perSecond) {
        return (int) Math.ceil((double) callers / perSecond);
    }

    /** English, "in danger now?" 9, then a key that skips the 112 advice: the inbound AGI, then hold. */
    private static SippCaller caller(RealAsterisk asterisk) {
        return SippCaller.to(asterisk).pause(Duration.ofMillis(1500)).keys("291");
    }

    /** Callers in the hold context now (music, or a position being asked or announced). */
    private static int held(RealAsterisk asterisk) {
        return (int) asterisk.cli("core show channels concise").lines()
                .filter(l -> l.contains("!helpline-hold!")).count();
    }

    /** Waits up to {@code within} for that many holding callers; a benchmark goes on with fewer and reports them. */
    private static void awaitHeld(RealAsterisk asterisk, int callers, Duration within) {
        long giveUp = System.nanoTime() + within.toNanos();
        while (held(asterisk) < callers && System.nanoTime() < giveUp) {
            sleep(Duration.ofSeconds(1));
        }
    }

    private static void awaitIdle(RealAsterisk asterisk) {
        long giveUp = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!asterisk.cli("core show channels count").lines().anyMatch(l -> l.equals("0 active calls"))
                && System.nanoTime() < giveUp) {
            sleep(Duration.ofSeconds(1));
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration); // a benchmark's measuring window, not a test's wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String table(Scale scale, String load, Figures bare, Figures helpline) {
        StringBuilder out = new StringBuilder();
        out.append("Line capacity on a real Asterisk 22 — %s; load average at start %s%n".formatted(Machine.describe(), load));
        out.append("%-50s %-34s %-34s %s%n".formatted("", bare.server(), helpline.server(), "helpline / bare"));
        out.append(row("callers holding at once (of %d)".formatted(scale.holding()),
                "%d (%d failed)".formatted(bare.held(), bare.holdFailed()),
                "%d (%d failed)".formatted(helpline.held(), helpline.holdFailed()),
                ratio(helpline.held(), bare.held())));
        out.append(row("position AGI p50 / p99 (sessions; holding)",
                "%.1f / %.1f ms (%d; %d)".formatted(bare.p(0.5), bare.p(0.99), bare.positionNanos().length, bare.heldWhileTimed()),
                "%.1f / %.1f ms (%d; %d)".formatted(helpline.p(0.5), helpline.p(0.99), helpline.positionNanos().length,
                        helpline.heldWhileTimed()),
                "p99 " + ratio(helpline.p(0.99), bare.p(0.99))));
        out.append(row("Asterisk CPU (cores) while they hold / %d hold".formatted(scale.holding()),
                "%.2f / %.2f".formatted(bare.cpuWhileTimed(), bare.cpuWhileHeld()),
                "%.2f / %.2f".formatted(helpline.cpuWhileTimed(), helpline.cpuWhileHeld()), ""));
        out.append(row("new calls/s with 0 failed (%d s each)".formatted(scale.seconds()), bare.ceiling() + "/s",
                helpline.ceiling() + "/s", ratio(helpline.ceiling(), bare.ceiling())));
        out.append(row("overload, 1.5 x ceiling: line full (%d holding)".formatted(scale.flooded()),
                "%d calls, %d refused 486".formatted(bare.full().calls(), bare.full().refused()),
                "%d calls, %d refused 486".formatted(helpline.full().calls(), helpline.full().refused()), ""));
        out.append(row("  then the line with room, %d new calls/s".formatted(scale.perSecond()), burst(bare.burst()),
                burst(helpline.burst()), ""));
        out.append(row("  holding after each; holders dropped", holders(bare), holders(helpline), ""));
        out.append("rates, bare: ").append(bare.rates()).append('\n');
        out.append("rates, helpline: ").append(helpline.rates()).append('\n');
        return out.toString();
    }

    private static String burst(Flood f) {
        return "%d calls: %d in, %d refused, %d failed".formatted(f.calls(), f.letIn(), f.refused(), f.failed());
    }

    private static String holders(Figures f) {
        return "%d, %d; %d".formatted(f.full().heldAfter(), f.burst().heldAfter(), f.floodHoldersFailed());
    }

    private static String row(String what, String bare, String helpline, String ratio) {
        return "%-50s %-34s %-34s %s%n".formatted(what, bare, helpline, ratio);
    }

    private static String ratio(double helpline, double bare) {
        return bare > 0 ? "%.2f".formatted(helpline / bare) : "-";
    }

    /** The dialplan's scripts answered with the variables it reads, nothing else: places in arrival order. */
    private static Map<String, AgiScript> bareScripts() {
        Map<String, Integer> places = new ConcurrentHashMap<>();
        AtomicInteger arrivals = new AtomicInteger();
        AgiScript inbound = (request, channel) -> {
            places.put(request.getChannel(), arrivals.incrementAndGet());
            channel.setVariable("HELPLINE_ACTION", "hold");
        };
        AgiScript position = (request, channel) -> {
            int place = places.getOrDefault(request.getChannel(), 1);
            // one round trip, as the helpline's position script sets them
            channel.exec("MSet", "HELPLINE_POSITION=" + place, "HELPLINE_WAIT_MINUTES=" + place * 6, "HELPLINE_ACTION=hold");
        };
        return Map.of("inbound", inbound, "position", position);
    }
}
