package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;


/**
 * Where the repository's files end up on the Asterisk host, as {@code ops/asterisk/install.sh} puts them
 * (the runbook, compose and the real-Asterisk tests all run that script, so a layout written here that
 * the script does not make fails RealAsteriskCallsTest), and which sound files ops/prompts renders.
 */
final class DialplanInstall {
    static final Path INSTALL = Path.of("ops/asterisk/install.sh");
    static final Path PROMPTS = Path.of("ops/prompts");
    static final Path RENDER = PROMPTS.resolve("render.sh");
    static final String CONFIG_DIR = "/etc/asterisk";
    static final String DATA_DIR = "/var/lib/asterisk";

    private static final Pattern RANGE = Pattern.compile("(.*)\\{(\\d+)\\.\\.(\\d+)}(.*)");
    private static final Pattern REQUIRED = Pattern.compile("required=\\(([^)]*)\\)");
    private static final Pattern REQUIRED_SEQ = Pattern.compile(
            "for n in \\$\\(seq (\\d+) (\\d+)\\); do required\\+=\\(\"([^\"$]*)\\$n([^\"$]*)\"\\)");
    /** A file render.sh writes: under $out, or beside one ("${1%.wav}.ulaw", its G.711 copies). */
    private static final Pattern RENDERED_FILE = Pattern.compile("(?:\\$out/[^\"\\s]*|\\})\\.(\\w+)\"");

    /** Installed path (e.g. /etc/asterisk/dialplan) to the repository path installed there. */
    final Map<String, Path> mounts;
    /** Installed paths the script writes itself (the AMI secret), not taken from the repository. */
    final Set<String> generated;

    private DialplanInstall(Map<String, Path> mounts, Set<String> generated) {
        this.mounts = mounts;
        this.generated = generated;
    }

    /** install.sh's layout: config/asterisk/*.conf and extensions.conf in ETC, dialplan/ below it, prompts and music in DATA. */
    static DialplanInstall fromInstallScript() {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Path conf : files(Path.of("config/asterisk"), ".conf")) {
            mounts.put(CONFIG_DIR + "/" + conf.getFileName(), conf);
        }
        mounts.put(CONFIG_DIR + "/extensions.conf", Path.of("dialplan/extensions.conf"));
        mounts.put(CONFIG_DIR + "/dialplan", Path.of("dialplan"));
        for (Path texts : files(PROMPTS, ".txt")) {
            String language = texts.getFileName().toString().replace(".txt", "");
            mounts.put(DATA_DIR + "/sounds/" + language + "/helpline", PROMPTS.resolve("out").resolve(language));
        }
        mounts.put(DATA_DIR + "/moh/helpline", PROMPTS.resolve("out/moh"));
        return new DialplanInstall(mounts, Set.of(CONFIG_DIR + "/manager_secret.conf"));
    }

    /** A data path as Asterisk resolves it: relative names (musiconhold.conf's directory) are in the data directory. */
    static String installedData(String path) {
        return path.startsWith("/") ? path : DATA_DIR + "/" + path;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (var list = Files.list(dir)) {
            return list.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository file installed at {@code installed}, through the mount that covers it. */
    Optional<Path> source(String installed) {
        return mounts.entrySet().stream()
                .filter(m -> installed.equals(m.getKey()) || installed.startsWith(m.getKey() + "/"))
                .map(m -> m.getValue().resolve(installed.substring(m.getKey().length()).replaceFirst("^/", "")))
                .findFirst();
    }

    /** An #include target as Asterisk resolves it: relative names are in the configuration directory. */
    static String installedInclude(String target) {
        return target.startsWith("/") ? target : CONFIG_DIR + "/" + target;
    }

    /** Follows an #include to the repository file it reads, when the repository has it. */
    Optional<Path> follow(String includeTarget) {
        return source(installedInclude(includeTarget)).filter(Files::isRegularFile);
    }

    /** The sound names ops/prompts/LANG.txt renders ("name|text" lines; name{a..b} is one file per number). */
    static Set<String> promptNames(String language) {
        Set<String> names = new LinkedHashSet<>();
        for (String line : lines(PROMPTS.resolve(language + ".txt"))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            names.addAll(expand(line.substring(0, line.indexOf('|') < 0 ? line.length() : line.indexOf('|'))));
        }
        return names;
    }

    /** The names render.sh requires of every language (it fails when one is missing). */
    static Set<String> requiredByRender() {
        String script = String.join("\n", lines(RENDER));
        Set<String> names = new LinkedHashSet<>();
        Matcher list = REQUIRED.matcher(script);
        if (list.find()) {
            names.addAll(List.of(list.group(1).strip().split("\\s+")));
        }
        Matcher seq = REQUIRED_SEQ.matcher(script);
        while (seq.find()) {
            names.addAll(expand(seq.group(3) + "{" + seq.group(1) + ".." + seq.group(2) + "}" + seq.group(4)));
        }
        return names;
    }

    /** File extensions render.sh writes (prompts and music). */
    static Set<String> renderedFormats() {
        Set<String> formats = new LinkedHashSet<>();
        Matcher file = RENDERED_FILE.matcher(String.join("\n", lines(RENDER)));
        while (file.find()) {
            formats.add(file.group(1));
        }
        return formats;
    }

    private static List<String> expand(String name) {
        Matcher range = RANGE.matcher(name.strip());
        if (!range.matches()) {
            return List.of(name.strip());
        }
        List<String> names = new ArrayList<>();
        IntStream.rangeClosed(Integer.parseInt(range.group(2)), Integer.parseInt(range.group(3)))
                .forEach(n -> names.add(range.group(1) + n + range.group(4)));
        return names;
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
