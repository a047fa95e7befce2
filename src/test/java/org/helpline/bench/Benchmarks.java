package org.helpline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What every benchmark does with its figures: the median of its rounds, and its table printed and kept in target/. */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static Double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /**
     * Prints {@code table} (Maven shows it with {@code -Pbenchmark}, which stops Surefire from sending test
     * output to target/surefire-reports) and writes it to target/{@code file}.
     */
    public static void report(String file, String table) throws IOException {
        System.out.println(table);
        Files.writeString(Path.of("target", file), table);
    }
}
