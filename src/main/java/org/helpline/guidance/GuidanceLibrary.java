package org.helpline.guidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The guidance in use, read from one folder. A reload that finds a problem changes nothing: the last
 * good guidance stays in use and the problems are reported. Reading is blocking: call from a worker.
 */
public final class GuidanceLibrary {
    private final Path directory;
    private volatile Guidance current;
    private String fingerprint;

    private GuidanceLibrary(Path directory, Guidance first, String fingerprint) {
        this.directory = directory;
        this.current = first;
        this.fingerprint = fingerprint;
    }

    /** Reads and checks the folder; fails with {@link InvalidGuidance} naming every problem. */
    public static GuidanceLibrary open(Path directory) {
        String before = fingerprintOf(directory);
        return new GuidanceLibrary(directory, load(directory), before);
    }

    /** Reads and checks a folder without keeping it. */
    public static Guidance load(Path directory) {
        GuidanceReader.Read read = new GuidanceReader(directory).read();
        List<Problem> problems = new ArrayList<>(read.problems());
        if (problems.isEmpty()) {
            problems.addAll(GuidanceCheck.of(read));
        }
        if (!problems.isEmpty()) {
            throw new InvalidGuidance(problems);
        }
        Map<String, Script> scripts = new LinkedHashMap<>();
        read.scripts().forEach(s -> scripts.put(s.value().id(), s.value()));
        Map<String, Country> countries = new LinkedHashMap<>();
        read.countries().forEach(c -> countries.put(c.value().code(), c.value()));
        return new Guidance(read.index(), read.indicators().groups(), read.replies().replies(), scripts, countries,
                read.version());
    }

    public Guidance current() {
        return current;
    }

    public Path directory() {
        return directory;
    }

    /** Reads the folder again; on success the new guidance is in use, on failure nothing changes. */
    public synchronized Guidance reload() {
        String seen = fingerprintOf(directory);
        fingerprint = seen;
        Guidance fresh = load(directory);
        current = fresh;
        return fresh;
    }

    /**
     * Reloads only when a file changed since the last look. A change that does not pass the checks fails
     * once with {@link InvalidGuidance}; the same bad files are not reported again.
     */
    public synchronized Optional<Guidance> reloadIfChanged() {
        if (fingerprintOf(directory).equals(fingerprint)) {
            return Optional.empty();
        }
        return Optional.of(reload());
    }

    private static String fingerprintOf(Path directory) {
        try {
            return GuidanceReader.fingerprint(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
