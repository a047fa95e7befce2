package org.helpline.guidance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
        Map<String, Country> countries = new LinkedHashMap<>();
        read.countries().forEach(c -> countries.put(c.value().code(), problems.isEmpty() ? read.abroad().shownIn(c.value()) : c.value()));
        DirectoryText numbers = new DirectoryText(countries, problems.isEmpty() ? read.index().unconfirmed() : null);
        if (problems.isEmpty()) {
            problems.addAll(references(read, numbers));
        }
        if (!problems.isEmpty()) {
            throw new InvalidGuidance(problems);
        }
        Map<String, Script> scripts = new LinkedHashMap<>();
        read.scripts().forEach(s -> scripts.put(s.value().id(), numbers.resolve(s.value())));
        return new Guidance(read.index(), read.indicators().groups(),
                read.replies().replies().stream().map(numbers::resolve).toList(), scripts, countries, read.abroad(), read.version());
    }

    /** Each number or hours a script or reply takes from the directory names an entry that has it. */
    private static List<Problem> references(GuidanceReader.Read read, DirectoryText directory) {
        List<Problem> problems = new ArrayList<>();
        read.replies().replies().forEach(reply -> directory.problems(reply.text()).forEach(problem ->
                problems.add(new Problem(GuidanceReader.REPLIES, null, null, "reply '" + reply.id() + "': " + problem))));
        read.scripts().forEach(sourced -> sourced.value().steps().forEach(step -> {
            List<String> found = new ArrayList<>(directory.problems(step.text()));
            found.addAll(directory.problems(step.reply()));
            found.forEach(problem -> problems.add(new Problem(sourced.file(), sourced.value().id(), step.id(), problem)));
        }));
        return problems;
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

    /**
     * Writes a supervisor's re-check into the entry's lines (nothing else of the file changes) and uses the guidance
     * at once: a country's own entry in its country file; an entry every country shows alike in abroad.yaml, once,
     * so every country shows the re-check. The edited file is read back and compared before it is written; if the
     * folder then fails its checks (another edit in progress), the file is put back as it was.
     *
     * @throws RecheckRefused naming why nothing was written
     */
    public synchronized Guidance recheck(Recheck recheck) {
        Country country = current.country(recheck.country()).orElseThrow(() ->
                new RecheckRefused(RecheckRefused.NOT_FOUND, "no exit options for country '" + recheck.country() + "'"));
        Country.ExitOption option = country.option(recheck.option()).orElseThrow(() ->
                new RecheckRefused(RecheckRefused.NOT_FOUND, "country " + country.code() + " has no entry '" + recheck.option() + "'"));
        String sourceType = recheck.sourceType() != null ? recheck.sourceType() : option.sourceType();
        if (recheck.confirmed() && !"official".equals(sourceType)) {
            throw new RecheckRefused(RecheckRefused.NEEDS_OFFICIAL_SOURCE, "only an official source confirms an entry; this one's is "
                    + sourceType + ": give the official source you checked (source, sourceType: official), or record it as not confirmed");
        }
        Optional<Country.ExitOption> shared = current.sharedEntry(country.code(), option.id());
        String id = shared.map(Country.ExitOption::id).orElse(option.id());
        Map<String, String> fields = new LinkedHashMap<>();
        if (recheck.source() != null) {
            fields.put("source", CountryFileEdit.quoted(recheck.source()));
        }
        fields.put("sourceType", sourceType);
        fields.put("checked", recheck.on().toString());
        fields.put("checkedBy", CountryFileEdit.quoted(recheck.by()));
        fields.put("verified", String.valueOf(recheck.confirmed()));
        Path file = shared.isPresent() ? directory.resolve(GuidanceReader.ABROAD)
                : directory.resolve(GuidanceReader.COUNTRIES).resolve(country.code().toLowerCase(Locale.ROOT) + ".yaml");
        try {
            String before = Files.readString(file);
            String after = CountryFileEdit.apply(before, id, fields);
            List<Country.ExitOption> wanted = entries(before, shared.isPresent()).stream()
                    .map(o -> o.id().equals(id) ? rechecked(o, recheck, sourceType) : o).toList();
            if (!entries(after, shared.isPresent()).equals(wanted)) {
                throw new RecheckRefused(RecheckRefused.CANNOT_EDIT, file + ": the entry '" + id
                        + "' is laid out in a way the re-check cannot edit safely; edit checked, checkedBy and verified by hand");
            }
            replace(file, after);
            try {
                return reload();
            } catch (InvalidGuidance invalid) {
                replace(file, before);
                throw invalid;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new RecheckRefused(RecheckRefused.CANNOT_EDIT, file + " cannot be edited: " + e.getMessage());
        }
    }

    /** The entries of a country file's or abroad.yaml's text, as they would be read. */
    private static List<Country.ExitOption> entries(String text, boolean abroad) throws IOException {
        return abroad ? GuidanceReader.abroad(text).options() : GuidanceReader.country(text).options();
    }

    private static Country.ExitOption rechecked(Country.ExitOption o, Recheck recheck, String sourceType) {
        return new Country.ExitOption(o.id(), o.kind(), o.name(), o.city(), o.phone(), o.hours(), o.free(), o.languages(), o.checkAt(),
                o.text(), o.message(), recheck.source() != null ? recheck.source() : o.source(), sourceType, o.sourceDate(), recheck.on(),
                recheck.by(), recheck.confirmed());
    }

    private static void replace(Path file, String text) throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".recheck-", ".tmp");
        try {
            Files.writeString(temporary, text);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String fingerprintOf(Path directory) {
        try {
            return GuidanceReader.fingerprint(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
