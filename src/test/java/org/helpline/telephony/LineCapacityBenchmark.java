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
import org.asteriskjava.fastagi.DefaultAgiServer;
import org.asteriskjava.fastagi.SimpleMappingStrategy;
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
 * <li>Position AGI time while {@code timed} callers hold, as Asterisk sees it ({@link AgiStopwatch}): they arrive
 *     {@code holdRate} a second, choose English, say they are in danger, skip the advice, and hold with music,
 *     asking their position every 30 s; timed over {@code window} seconds once all hold.
 * <li>Callers holding at once: more arrive until {@code holding} hold; counted in Asterisk's hold context.
 * <li>New calls a second: each rate for {@code seconds}, callers reaching the inbound AGI and holding 2 s;
 *     the ceiling is the highest rate with 0 failed calls and every call registered.
 * <li>Overload: with the line's limit at {@code flooded} calls and as many callers holding, new calls at
 *     1.5 × the ceiling for {@code seconds}: each must be refused 486, and no holding caller lose the line.
 * </ol>
 */
class LineCapacityBenchmark {
    /** The sizes of one run; the full run's can be changed with -Dcapacity.holding=700 and the like. */
    record Scale(int timed, int window, int holding, int holdRate, List<Integer> rates, int seconds, int flooded) {
        static Scale fromProperties() {
            return new Scale(Integer.getInteger("capacity.timed", 300), Integer.getInteger("capacity.window", 45),
                    Integer.getInteger("capacity.holding", 700), Integer.getInteger("capacity.holdRate", 50),
                    Arrays.stream(System.getProperty("capacity.rates", "40,50,60,70,80,90,100,110,120,130,150,170,200")
                                    .split(",")).map(Integer::valueOf).toList(),
                    Integer.getInteger("capacity.seconds", 10), Integer.getInteger("capacity.flooded", 300));
        }
    }

    /** One side's figures. */
    record Figures(String server, int held, long holdFailed, long[] positionNanos, int heldWhileTimed, int ceiling,
                   String rates, int flooded, long floodCalls, long floodFailed, int heldAfterFlood, long floodHoldersFailed) {
        double p(double quantile) {
            if (positionNanos.length == 0) {
                return Double.NaN;
            }
            long[] sorted = positionNanos.clone();
            Arrays.sort(sorted);
            return sorted[Math.max(0, (int) Math.ceil(sorted.length * quantile) - 1)] / 1e6;
        }
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

    /** Measures both sides, bare first, and returns the table. */
    static String run(Scale scale, Path dir) throws Exception {
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        Figures bare = measureBare(scale);
        Figures helpline = measureHelpline(scale, dir);
        return table(scale, load, bare, helpline);
    }

    private static Figures measureBare(Scale scale) throws Exception {
        BareServer server = BareServer.start();
        try {
            return measure("bare FastAGI", scale, server.port(), agiPort -> () -> { });
        } finally {
            server.stop();
        }
    }

    private static Figures measureHelpline(Scale scale, Path dir) throws Exception {
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
            sleep(window);
            long[] positions = stopwatch.sessions("position");

            // 2: callers holding at once
            SippRun more = caller(asterisk).holdFor(Duration.ofSeconds(moreRamp + 25)).hangUp()
                    .calls(scale.holding() - scale.timed(), scale.holdRate()).start();
            awaitHeld(asterisk, scale.holding(), Duration.ofSeconds(moreRamp + 20));
            int held = held(asterisk);
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

            // 4: overload at 1.5 x the ceiling, the line's limit reached by callers holding
            long floodCalls = 0;
            long floodFailed = 0;
            int heldAfterFlood = 0;
            long floodHoldersFailed = 0;
            if (ceiling > 0) {
                asterisk.cli("dialplan set global HELPLINE_MAX_CALLS " + scale.flooded());
                int fill = ramp(scale.flooded(), scale.holdRate());
                SippRun flooded = caller(asterisk).holdFor(Duration.ofSeconds(fill + 30 + scale.seconds())).hangUp()
                        .calls(scale.flooded(), scale.holdRate()).start();
                awaitHeld(asterisk, scale.flooded(), Duration.ofSeconds(fill + 20));
                double rate = 1.5 * ceiling;
                floodCalls = Math.round(rate * scale.seconds());
                floodFailed = SippCaller.to(asterisk).refusedWith(486).calls((int) floodCalls, rate).start()
                        .awaitFailedCalls(Duration.ofSeconds(scale.seconds() + 60));
                heldAfterFlood = held(asterisk);
                floodHoldersFailed = flooded.awaitFailedCalls(Duration.ofSeconds(fill + 120 + scale.seconds()));
                awaitIdle(asterisk);
            }
            return new Figures(name, held, holdFailed, positions, heldWhileTimed, ceiling, String.join("; ", rates), scale.flooded(),
                    floodCalls, floodFailed, heldAfterFlood, floodHoldersFailed);
        }
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
        out.append("%-44s %-28s %-28s %s%n".formatted("", bare.server(), helpline.server(), "helpline / bare"));
        out.append(row("callers holding at once (of %d)".formatted(scale.holding()),
                "%d (%d failed)".formatted(bare.held(), bare.holdFailed()),
                "%d (%d failed)".formatted(helpline.held(), helpline.holdFailed()),
                ratio(helpline.held(), bare.held())));
        out.append(row("position AGI p50 / p99 (sessions; holding)",
                "%.1f / %.1f ms (%d; %d)".formatted(bare.p(0.5), bare.p(0.99), bare.positionNanos().length, bare.heldWhileTimed()),
                "%.1f / %.1f ms (%d; %d)".formatted(helpline.p(0.5), helpline.p(0.99), helpline.positionNanos().length,
                        helpline.heldWhileTimed()),
                "p99 " + ratio(helpline.p(0.99), bare.p(0.99))));
        out.append(row("new calls/s with 0 failed (%d s each)".formatted(scale.seconds()), bare.ceiling() + "/s",
                helpline.ceiling() + "/s", ratio(helpline.ceiling(), bare.ceiling())));
        out.append(row("overload: 1.5 x ceiling, %d holding at the limit".formatted(scale.flooded()),
                flood(bare), flood(helpline), ""));
        out.append("rates, bare: ").append(bare.rates()).append('\n');
        out.append("rates, helpline: ").append(helpline.rates()).append('\n');
        return out.toString();
    }

    private static String flood(Figures f) {
        return "%d calls, %d not refused 486; %d holding after, %d dropped".formatted(f.floodCalls(), f.floodFailed(),
                f.heldAfterFlood(), f.floodHoldersFailed());
    }

    private static String row(String what, String bare, String helpline, String ratio) {
        return "%-44s %-28s %-28s %s%n".formatted(what, bare, helpline, ratio);
    }

    private static String ratio(double helpline, double bare) {
        return bare > 0 ? "%.2f".formatted(helpline / bare) : "-";
    }

    /** Asterisk-Java's own FastAGI server answering the dialplan's scripts with the variables it reads, nothing else. */
    private record BareServer(DefaultAgiServer server, Thread thread, int port) {
        static BareServer start() {
            int port = RealAsterisk.freeUdpPort();
            Map<String, Integer> places = new ConcurrentHashMap<>();
            AtomicInteger arrivals = new AtomicInteger();
            AgiScript inbound = (request, channel) -> {
                places.put(request.getChannel(), arrivals.incrementAndGet());
                channel.setVariable("HELPLINE_ACTION", "hold");
            };
            AgiScript position = (request, channel) -> {
                int place = places.getOrDefault(request.getChannel(), 1);
                channel.setVariable("HELPLINE_POSITION", Integer.toString(place));
                channel.setVariable("HELPLINE_WAIT_MINUTES", Integer.toString(place * 6));
                channel.setVariable("HELPLINE_ACTION", "hold");
            };
            DefaultAgiServer server = new DefaultAgiServer();
            server.setPort(port);
            SimpleMappingStrategy mapping = new SimpleMappingStrategy();
            mapping.setMappings(Map.of("inbound", inbound, "position", position));
            server.setMappingStrategy(mapping);
            Thread thread = Thread.ofPlatform().daemon().start(() -> {
                try {
                    server.startup();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            return new BareServer(server, thread, port);
        }

        void stop() throws InterruptedException {
            server.shutdown();
            thread.join(5_000);
        }
    }
}
