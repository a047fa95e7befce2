package org.helpline.telephony;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Asterisk configuration file read the way Asterisk's main/config.c reads it: ';' comments (not '\;'),
 * ';--' ... '--;' block comments, '[name](!,template)' headers, 'key = value' and 'key => value' lines,
 * '#include'. What config.c refuses or warns about is collected in {@link #problems}, each naming file
 * and line.
 */
final class DialplanConf {
    record Entry(String key, boolean object, String value, String where) {}

    record Section(String name, boolean template, List<String> templates, String where, List<Entry> entries) {
        Optional<String> get(String key) {
            return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).reduce((a, b) -> b);
        }

        List<String> all(String key) {
            return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).toList();
        }
    }

    record Include(String target, String where) {}

    private static final Pattern HEADER = Pattern.compile("\\[([^\\]\\[]+)](?:\\(([^)]*)\\))?");
    private static final Pattern INCLUDE = Pattern.compile("#(?:try)?include\\s+[\"<]?([^\">]+)[\">]?");

    final List<Section> sections = new ArrayList<>();
    final List<Include> includes = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    private Section current;
    private int openComments;

    /** Reads {@code file}; an #include that {@code follow} maps to a repository file is read in its place. */
    static DialplanConf read(Path file, Function<String, Optional<Path>> follow) {
        DialplanConf conf = new DialplanConf();
        conf.readFile(file, follow);
        return conf;
    }

    static DialplanConf read(Path file) {
        return read(file, target -> Optional.empty());
    }

    Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    private void readFile(Path file, Function<String, Optional<Path>> follow) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int openedAt = 0;
        for (int i = 0; i < lines.size(); i++) {
            String where = file + ":" + (i + 1);
            int before = openComments;
            String text = stripComments(lines.get(i)).strip();
            if (before == 0 && openComments > 0) {
                openedAt = i + 1;
            }
            if (!text.isEmpty()) {
                readLine(text, where, follow);
            }
        }
        if (openComments > 0) {
            problems.add(file + ":" + openedAt + ": block comment ';--' never closed with '--;'");
            openComments = 0;
        }
    }

    private void readLine(String text, String where, Function<String, Optional<Path>> follow) {
        if (text.startsWith("[")) {
            readHeader(text, where);
        } else if (text.startsWith("#")) {
            Matcher include = INCLUDE.matcher(text);
            if (!include.matches()) {
                problems.add(where + ": unknown directive '" + text + "'");
                return;
            }
            includes.add(new Include(include.group(1).strip(), where));
            follow.apply(include.group(1).strip()).ifPresent(target -> readFile(target, follow));
        } else if (current == null) {
            problems.add(where + ": '" + text + "' is outside any [section]");
        } else {
            int equals = text.indexOf('=');
            if (equals <= 0) {
                problems.add(where + ": no 'key = value' in '" + text + "'");
                return;
            }
            boolean object = text.startsWith(">", equals + 1);
            String value = text.substring(equals + (object ? 2 : 1)).strip();
            current.entries().add(new Entry(text.substring(0, equals).strip(), object, value, where));
        }
    }

    private void readHeader(String text, String where) {
        Matcher header = HEADER.matcher(text);
        if (!header.matches()) {
            problems.add(where + ": malformed section header '" + text + "'");
            return;
        }
        List<String> options = header.group(2) == null ? List.of()
                : Arrays.stream(header.group(2).split(",")).map(String::strip).toList();
        boolean template = options.contains("!");
        List<String> templates = options.stream().filter(o -> !o.equals("!") && !o.startsWith("+")).toList();
        for (String name : templates) {
            if (section(name).isEmpty()) {
                problems.add(where + ": [" + header.group(1) + "] inherits from '" + name
                        + "', which is not defined above it");
            }
        }
        current = new Section(header.group(1).strip(), template, templates, where, new ArrayList<>());
        sections.add(current);
    }

    /** config.c's comment rules: ';--' (not ';---') opens a block, '--;' closes one, '\;' is a semicolon. */
    private String stripComments(String line) {
        StringBuilder kept = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ';' && line.startsWith("--", i + 1) && !line.startsWith("---", i + 1)) {
                openComments++;
                i += 2;
            } else if (c == ';' && openComments > 0 && i >= 2 && line.startsWith("--", i - 2)) {
                openComments--;
            } else if (openComments > 0) {
                continue;
            } else if (c == '\\' && line.startsWith(";", i + 1)) {
                kept.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
