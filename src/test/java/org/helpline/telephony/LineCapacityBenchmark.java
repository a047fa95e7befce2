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
import org.helpline.testing.SipFront;
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
 *     asking their position every 30 s; timed over {@code window} seconds once all hold and each has been told its
 *     place once (in two runs, but for one GC stall, every session over 8 ms came 8 to 20 s after the last caller
 *     arrived, on both sides: the 300 callers who came within 6 s heard their intro and first place together).
 *     In {@code rounds} rounds, each with fresh callers, the sides taking turns (bare, helpline, helpline, bare, ...):
 *     these VMs' speed drifts over minutes, and one side's window alone measured the machine's moment as much as
 *     the server.
 * <li>Callers holding at once: more arrive until {@code holding} hold; counted in Asterisk's hold context.
 * <li>New calls a second: each rate for {@code seconds}, callers reaching the inbound AGI and holding 2 s;
 *     the ceiling is the highest rate with 0 failed calls and every call registered.
 * <li>Overload, every call now through the SIP front ({@link SipFront}) letting the ceiling through a second: with the
 *     line's limit at {@code flooded} calls and as many callers holding, new calls at 1.5 × the ceiling for
 *     {@code seconds}: each must be refused 486 (by the front beyond the ceiling, by the dialplan below it). Then, the
 *     line's limit lifted and new calls limited to {@code perSecond} a second, the same flood: those beyond the limits
 *     refused 486, the others let in (they hear the menu and hang up). No holding caller may lose the line through
 *     either. Without the front, a flood faster than Asterisk can make channels (about 200 a second on 2 cores)
 *     dropped callers holding, though the dialplan refused it.
 * </ol>
 */
class LineCapacityBenchmark {
    /** How long a caller holds before first told its place: the hold intro and the tip (16 s in English), the AGI. */
    private static final Duration FIRST_PLACE_TOLD = Duration.ofSeconds(20);

    /** The sizes of one run, changed with -Dcapacity.holding=700 and the like (500 by default: the line's limit on 2 cores). */
    record Scale(int warmUp, int timed, int window, int rounds, int holding, int holdRate, List<Integer> rates, int seconds,
                 int flooded, int perSecond) {
        static Scale fromProperties() {
            return new Scale(Integer.getInteger("capacity.warmUp", 5_000), Integer.getInteger("capacity.timed", 300), Integer.getInteger("capacity.window", 45),
                    Integer.getInteger("capacity.rounds", 2),
                    Integer.getInteger("capacity.holding", 500), Integer.getInteger("capacity.holdRate", 50),
                    Arrays.stream(System.getProperty("capacity.rates", "40,50,60,70,80,90,100,110,120,130,150,170,200")
                                    .split(",")).map(Integer::valueOf).toList(),
                    Integer.getInteger("capacity.seconds", 10), Integer.getInteger("capacity.flooded", 300),
                    Integer.getInteger("capacity.perSecond", 30));
        }
    }

    /** One side's figures. */
    record Figures(String server, Holding holding, int ceiling, String rates, Overload overload) {
    }

    /** One flood of new calls: how many came, were let in, refused 486, failed otherwise; the callers holding after. */
    record Flood(long calls, long letIn, long refused, long failed, int heldAfter) {
        static final Flood NONE = new Flood(0, 0, 0, 0, 0);
    }

    @TempDir
    static Path dir;

    @BeforeAll
    static void available() {
        RealAsterisk.assumeAvailableWithSipFront();
    }

    @Test
    void lineCapacity() throws Exception {
        PrintStream console = LogToFile.redirect(Path.of("target", "line-capacity-benchmark.log"));
        String table = run(Scale.fromProperties(), dir);
        console.println(table);
        Files.writeString(Path.of("target", "line-capacity-benchmark.txt"), table);
    }

    /**
     * Measures both sides and returns the table. Both lines are up throughout, and the new-call rates take turns
     * (the first side alternating): these VMs' speed drifts over minutes, and a side measured a quarter of an hour
     * after the other got a different machine. The helpline holds first: should the warm-up leave anything cold, the
     * side measured second runs on a JVM whose shared code (Asterisk-Java, the stopwatch) the first side has used more.
     */
    static String run(Scale scale, Path dir) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        AgiLoad.onHelpline(port -> {
            warmUp(port, scale.warmUp());
            return null;
        });
        BareAgiServer warming = BareAgiServer.start(bareScripts());
        try {
            warmUp(warming.port(), scale.warmUp());
        } finally {
            warming.stop();
        }
        BareAgiServer bareServer = BareAgiServer.start(bareScripts());
        int helplinePort = RealAsterisk.freeUdpPort();
        try (Line helpline = Line.start("helpline", helplinePort, amiPort -> {
                 RealLine line = new RealLine(Files.createTempDirectory(dir, "line-"), helplinePort, amiPort).start();
                 SocketProbe ana = line.paused("ana");    // the line open, nobody taking calls: every caller waits
                 return () -> {
                     ana.close();
                     line.close();
                 };
             });
             Line bare = Line.start("bare FastAGI", bareServer.port(), amiPort -> () -> { })) {
            List<Line> lines = List.of(helpline, bare);
            // step 1's earlier rounds, the bare side first, so the sides are timed bare, helpline, helpline, bare, ...
            for (int round = 1; round < scale.rounds(); round++) {
                for (Line line : round % 2 == 1 ? lines.reversed() : lines) {
                    line.timeRound(scale);
                }
            }
            Holding helplineHolding = helpline.hold(scale);
            Holding bareHolding = bare.hold(scale);
            for (int i = 0; i < scale.rates().size() && !lines.stream().allMatch(Line::saturated); i++) {
                for (Line line : i % 2 == 0 ? lines : lines.reversed()) {
                    line.tryRate(scale.rates().get(i), scale.seconds());
                }
            }
            Overload helplineOverload = helpline.overload(scale);
            Overload bareOverload = bare.overload(scale);
            return table(scale, load, bare.figures(bareHolding, bareOverload), helpline.figures(helplineHolding, helplineOverload));
        } finally {
            bareServer.stop();
        }
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

    /** Steps 1 and 2: the position AGI's time while the timed callers hold, then callers holding at once. */
    record Holding(int held, long holdFailed, long[] positionNanos, int heldWhileTimed, double cpuWhileTimed,
                   double cpuWhileHeld) {
        double p(double quantile) {
            if (positionNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = positionNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6;
        }
    }

    /** One round of step 1: the position AGI's times, the callers holding then, Asterisk's CPU in cores. */
    private record TimedRound(long[] positionNanos, int held, double cpu) {
    }

    /** Step 4: the floods at 1.5 x the ceiling, the holders they dropped, and the warnings the SIP front logged. */
    record Overload(Flood full, Flood burst, long holdersFailed, int frontProblems) {
        static final Overload NONE = new Overload(Flood.NONE, Flood.NONE, 0, 0);
    }

    /** One side's line: a fresh Asterisk, the stopwatch between it and the side's AGI server, and that server. */
    private static final class Line implements AutoCloseable {
        private final String name;
        private final AgiStopwatch stopwatch;
        private final RealAsterisk asterisk;
        private AutoCloseable server;
        private final List<String> rates = new ArrayList<>();
        private final List<TimedRound> rounds = new ArrayList<>();
        private long roundsFailed;
        private int ceiling;
        private boolean saturated;

        private Line(String name, AgiStopwatch stopwatch, RealAsterisk asterisk) {
            this.name = name;
            this.stopwatch = stopwatch;
            this.asterisk = asterisk;
        }

        static Line start(String name, int serverPort, Side side) throws Exception {
            AgiStopwatch stopwatch = AgiStopwatch.start(serverPort);
            Line line = null;
            try {
                line = new Line(name, stopwatch, RealAsterisk.with().agiPort(stopwatch.port()).global("HELPLINE_MAX_CALLS", "0")
                        .global("HELPLINE_MAX_NEW_PER_SECOND", "0").start());
                line.server = side.start(line.asterisk.amiPort());
                return line;
            } catch (Exception | Error e) {
                if (line != null) {
                    line.close();
                } else {
                    stopwatch.close();
                }
                throw e;
            }
        }

        /** 1, an earlier round: fresh timed callers hold, their position AGI is timed over the window, they hang up. */
        void timeRound(Scale scale) {
            SippRun timed = timedCallersHoldingFor(scale, 0);
            roundsFailed += timed.awaitFailedCalls(Duration.ofSeconds(scale.window() + ramp(scale.timed(), scale.holdRate()) + 180));
            awaitIdle(asterisk);
        }

        /** 1, the last round, and 2: callers holding at once, the timed ones still among them. */
        Holding hold(Scale scale) {
            int timedRamp = ramp(scale.timed(), scale.holdRate());
            int moreRamp = ramp(scale.holding() - scale.timed(), scale.holdRate());
            SippRun timed = timedCallersHoldingFor(scale, moreRamp); // until the others are counted

            // 2: callers holding at once
            SippRun more = caller(asterisk).holdFor(Duration.ofSeconds(moreRamp + 25)).hangUp()
                    .calls(scale.holding() - scale.timed(), scale.holdRate()).start();
            awaitHeld(asterisk, scale.holding(), Duration.ofSeconds(moreRamp + 20));
            int held = held(asterisk);
            double cpuWhileHeld = cpuShare(asterisk, Duration.ofSeconds(10));
            long holdFailed = roundsFailed + timed.awaitFailedCalls(Duration.ofSeconds(scale.window() + timedRamp + moreRamp + 180))
                    + more.awaitFailedCalls(Duration.ofSeconds(moreRamp + 120));
            awaitIdle(asterisk);
            long[] positions = rounds.stream().flatMapToLong(r -> Arrays.stream(r.positionNanos())).toArray();
            return new Holding(held, holdFailed, positions, rounds.stream().mapToInt(TimedRound::held).min().orElseThrow(),
                    rounds.stream().mapToDouble(TimedRound::cpu).average().orElseThrow(), cpuWhileHeld);
        }

        /**
         * Step 1's timed callers: once they all hold and have heard their place, their position AGI is timed over the
         * window (a round); they hold through their arrival, the waits, the window and {@code laterSeconds} more.
         */
        private SippRun timedCallersHoldingFor(Scale scale, int laterSeconds) {
            int timedRamp = ramp(scale.timed(), scale.holdRate());
            stopwatch.reset(); // their first places are counted from here, however long they take to arrive
            SippRun timed = caller(asterisk).holdFor(Duration.ofSeconds(scale.window() + 2L * timedRamp + laterSeconds
                            + FIRST_PLACE_TOLD.toSeconds() + 30))
                    .hangUp().calls(scale.timed(), scale.holdRate()).start();
            awaitHeld(asterisk, scale.timed(), Duration.ofSeconds(timedRamp + 20));
            int held = held(asterisk);
            awaitPlacesTold(scale.timed());
            stopwatch.reset();
            double cpu = cpuShare(asterisk, Duration.ofSeconds(scale.window()));
            rounds.add(new TimedRound(stopwatch.sessions("position"), held, cpu));
            return timed;
        }

        /**
         * Waits until as many positions were told since the callers started as they are (each has heard its place
         * once), at most {@link #FIRST_PLACE_TOLD} and a bit: callers who arrived together hear their intro and first
         * place together, a wave of announcements and music starting that is the arrival's cost, not holding's.
         */
        private void awaitPlacesTold(int callers) {
            long giveUp = System.nanoTime() + FIRST_PLACE_TOLD.plusSeconds(10).toNanos();
            while (stopwatch.count("position") < callers && System.nanoTime() < giveUp) {
                sleep(Duration.ofMillis(200));
            }
        }

        /** 3: one rate of new calls, unless an earlier one already failed a call. */
        void tryRate(int rate, int seconds) {
            if (saturated) {
                return;
            }
            stopwatch.reset();
            int calls = rate * seconds;
            CpuShares cpu = CpuShares.start(asterisk);
            long failed = caller(asterisk).holdFor(Duration.ofSeconds(2)).hangUp().calls(calls, rate).start()
                    .awaitFailedCalls(Duration.ofSeconds(seconds + 120));
            int registered = stopwatch.count("inbound");
            rates.add(rate + "/s: " + failed + " failed, " + registered + " of " + calls + " registered, " + cpu.sinceStart());
            awaitIdle(asterisk);
            saturated = failed > 0 || registered < calls;
            if (!saturated) {
                ceiling = rate;
            }
        }

        boolean saturated() {
            return saturated;
        }

        /**
         * 4: overload at 1.5 x the ceiling through the SIP front letting the ceiling through: the line's limit reached
         * by callers holding, then the line with room.
         */
        Overload overload(Scale scale) {
            if (ceiling == 0) {
                return Overload.NONE;
            }
            try (SipFront front = SipFront.before(asterisk, ceiling)) {
                asterisk.cli("dialplan set global HELPLINE_MAX_CALLS " + scale.flooded());
                double holdRate = Math.min(scale.holdRate(), ceiling / 2.0); // well within what the front lets through
                int fill = ramp(scale.flooded(), holdRate);
                SippRun flooded = caller(asterisk).through(front).holdFor(Duration.ofSeconds(fill + 60 + 2L * scale.seconds()))
                        .hangUp().calls(scale.flooded(), holdRate).start();
                awaitHeld(asterisk, scale.flooded(), Duration.ofSeconds(fill + 20));
                double rate = 1.5 * ceiling;
                int calls = (int) Math.round(rate * scale.seconds());
                SippRun refused = SippCaller.to(asterisk).through(front).refusedWith(486).calls(calls, rate).start();
                long failed = refused.awaitFailedCalls(Duration.ofSeconds(scale.seconds() + 60));
                Flood full = new Flood(calls, 0, calls - failed, failed, held(asterisk));

                asterisk.cli("dialplan set global HELPLINE_MAX_CALLS 0");
                asterisk.cli("dialplan set global HELPLINE_MAX_NEW_PER_SECOND " + scale.perSecond());
                SippRun limited = SippCaller.to(asterisk).through(front).holdFor(Duration.ofSeconds(2)).hangUp()
                        .orRefusedWith(486).calls(calls, rate).start();
                failed = limited.awaitFailedCalls(Duration.ofSeconds(scale.seconds() + 60));
                Flood burst = new Flood(calls, limited.callsAnswered(200, "INVITE"), limited.callsAnswered(486, "INVITE"),
                        failed, held(asterisk));
                long holdersFailed = flooded.awaitFailedCalls(Duration.ofSeconds(fill + 120 + 2L * scale.seconds()));
                awaitIdle(asterisk);
                return new Overload(full, burst, holdersFailed, front.problems().size());
            }
        }

        Figures figures(Holding holding, Overload overload) {
            return new Figures(name, holding, ceiling, String.join("; ", rates), overload);
        }

        @Override
        public void close() throws Exception {
            try (stopwatch; asterisk) {
                if (server != null) {
                    server.close();
                }
            }
        }
    }

    /** Asterisk's CPU over the next {@code window}, in cores (1.0: one core's worth). */
    private static double cpuShare(RealAsterisk asterisk, Duration window) {
        CpuShares cpu = CpuShares.start(asterisk);
        sleep(window);
        return cpu.asteriskCores();
    }

    /** Asterisk's and this JVM's (the server's side and the stopwatch) CPU since a start, in cores. */
    private record CpuShares(RealAsterisk asterisk, long startNanos, Duration asteriskBefore, Duration jvmBefore) {
        static CpuShares start(RealAsterisk asterisk) {
            return new CpuShares(asterisk, System.nanoTime(), asterisk.cpuTime(), jvmCpuTime());
        }

        double asteriskCores() {
            return (double) asterisk.cpuTime().minus(asteriskBefore).toNanos() / (System.nanoTime() - startNanos);
        }

        String sinceStart() {
            double jvmCores = (double) jvmCpuTime().minus(jvmBefore).toNanos() / (System.nanoTime() - startNanos);
            return "CPU Asterisk %.2f, JVM %.2f".formatted(asteriskCores(), jvmCores);
        }

        private static Duration jvmCpuTime() {
            return ProcessHandle.current().info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time"));
        }
    }

    /** Seconds for that many callers to arrive at that rate. */
    private static int ramp(int callers, double perSecond) {
        return (int) Math.ceil(callers / perSecond);
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
        Holding b = bare.holding();
        Holding h = helpline.holding();
        StringBuilder out = new StringBuilder();
        out.append("Line capacity on a real Asterisk 22 — %s; load average at start %s%n".formatted(Machine.describe(), load));
        out.append("%-50s %-34s %-34s %s%n".formatted("", bare.server(), helpline.server(), "helpline / bare"));
        out.append(row("callers holding at once (of %d)".formatted(scale.holding()),
                "%d (%d failed)".formatted(b.held(), b.holdFailed()),
                "%d (%d failed)".formatted(h.held(), h.holdFailed()),
                ratio(h.held(), b.held())));
        out.append(row("position AGI p50 / p99 (sessions; holding)",
                "%.1f / %.1f ms (%d; %d)".formatted(b.p(0.5), b.p(0.99), b.positionNanos().length, b.heldWhileTimed()),
                "%.1f / %.1f ms (%d; %d)".formatted(h.p(0.5), h.p(0.99), h.positionNanos().length,
                        h.heldWhileTimed()),
                "p99 " + ratio(h.p(0.99), b.p(0.99))));
        out.append(row("Asterisk CPU (cores) while they hold / %d hold".formatted(scale.holding()),
                "%.2f / %.2f".formatted(b.cpuWhileTimed(), b.cpuWhileHeld()),
                "%.2f / %.2f".formatted(h.cpuWhileTimed(), h.cpuWhileHeld()), ""));
        out.append(row("new calls/s with 0 failed (%d s each)".formatted(scale.seconds()), bare.ceiling() + "/s",
                helpline.ceiling() + "/s", ratio(helpline.ceiling(), bare.ceiling())));
        out.append(row("overload via the SIP front (lets the ceiling through)", "", "", ""));
        out.append(row("  1.5 x ceiling: line full (%d holding)".formatted(scale.flooded()),
                "%d calls, %d refused 486".formatted(bare.overload().full().calls(), bare.overload().full().refused()),
                "%d calls, %d refused 486".formatted(helpline.overload().full().calls(), helpline.overload().full().refused()), ""));
        out.append(row("  then the line with room, %d new calls/s".formatted(scale.perSecond()), burst(bare.overload().burst()),
                burst(helpline.overload().burst()), ""));
        out.append(row("  holding after each; dropped; front warnings", holders(bare), holders(helpline), ""));
        out.append("rates, bare: ").append(bare.rates()).append('\n');
        out.append("rates, helpline: ").append(helpline.rates()).append('\n');
        return out.toString();
    }

    private static String burst(Flood f) {
        return "%d calls: %d in, %d refused, %d failed".formatted(f.calls(), f.letIn(), f.refused(), f.failed());
    }

    private static String holders(Figures f) {
        return "%d, %d; %d; %d".formatted(f.overload().full().heldAfter(), f.overload().burst().heldAfter(),
                f.overload().holdersFailed(), f.overload().frontProblems());
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
