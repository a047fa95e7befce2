package org.helpline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One line saying what machine a benchmark ran on, to print beside its figures. */
public final class Machine {
    private Machine() {
    }

    /** The load average over 1, 5 and 15 minutes ("unknown" off Linux): a loaded machine's figures are not an idle one's. */
    public static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return "%s %s %s (1, 5, 15 min)".formatted(fields[0], fields[1], fields[2]);
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static String describe() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        } catch (IOException e) {
            // not Linux: the core count and JVM still say something
        }
        return "%s, %d cores, %d MiB heap max, Java %s".formatted(cpu, Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), Runtime.version());
    }
}
