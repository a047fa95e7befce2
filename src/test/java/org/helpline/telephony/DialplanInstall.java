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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Where the repository's files end up on the Asterisk host (ops/compose.yaml's volumes and configs), and
 * which sound files ops/prompts renders.
 */
final class DialplanInstall {
    static final Path COMPOSE = Path.of("ops/compose.yaml");
    static final Path PROMPTS = Path.of("ops/prompts");
    static final Path RENDER = PROMPTS.resolve("render.sh");
    static final String CONFIG_DIR = "/etc/asterisk";

    private static final Pattern RANGE = Pattern.compile("(.*)\\{(\\d+)\\.\\.(\\d+)}(.*)");
    private static final Pattern REQUIRED = Pattern.compile("required=\\(([^)]*)\\)");
    private static final Pattern REQUIRED_SEQ = Pattern.compile(
            "for n in \\$\\(seq (\\d+) (\\d+)\\); do required\\+=\\(\"([^\"$]*)\\$n([^\"$]*)\"\\)");
    private static final Pattern RENDERED_FILE = Pattern.compile("\\$out/[^\"\\s]*\\.(\\w+)\"");

    /** Installed path (e.g. /etc/asterisk/dialplan) to the repository path mounted there. */
    final Map<String, Path> mounts;
    /** Installed paths compose writes itself (its "configs"), not taken from the repository. */
    final Set<String> generated;

    private DialplanInstall(Map<String, Path> mounts, Set<String> generated) {
        this.mounts = mounts;
        this.generated = generated;
    }

    static DialplanInstall fromCompose() {
        JsonNode asterisk;
        try {
            asterisk = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).path("services").path("asterisk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (JsonNode volume : asterisk.path("volumes")) {
            String[] parts = volume.asText().split(":");
            mounts.put(parts[1], COMPOSE.getParent().resolve(parts[0]).normalize());
        }
        Set<String> generated = new LinkedHashSet<>();
        asterisk.path("configs").forEach(config -> generated.add(config.path("target").asText()));
        return new DialplanInstall(mounts, generated);
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
