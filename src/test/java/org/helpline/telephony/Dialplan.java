package org.helpline.telephony;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The contexts of extensions.conf (with its includes) as pbx_config registers them: every step with its
 * extension, priority, label and application call. What pbx_config would warn about, or what would not
 * run as written, is collected in {@link #problems}.
 */
final class Dialplan {
    record Call(String app, String args) {
        /** Top-level arguments, split at commas outside (), ${}, $[] and quotes. */
        List<String> arguments() {
            return splitTop(args, ',');
        }
    }

    record Step(String context, String exten, int priority, String label, Call call, String where) {}

    record Include(String context, String where) {}

    record Context(String name, List<Include> includes, Map<String, List<Step>> extensions) {}

    /** A condition and its two branches, as GotoIf and ExecIf split "cond?then:else". */
    record Branches(String condition, String whenTrue, String whenFalse) {}

    private static final Set<String> CONTEXT_KEYS = Set.of("exten", "same", "include", "switch", "eswitch", "lswitch",
            "ignorepat");
    private static final Pattern PRIORITY = Pattern.compile("(\\d+|n)(?:\\(([A-Za-z0-9_-]+)\\))?");
    private static final Pattern CALL = Pattern.compile("([A-Za-z][A-Za-z0-9_]*)\\((.*)\\)");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(\\(?)");
    private static final Pattern NAMED_LIST =
            Pattern.compile("\\$\\{(?:CUT|FIELDQTY|FIELDNUM)\\(([A-Za-z_][A-Za-z0-9_]*),");

    final Map<String, Context> contexts = new LinkedHashMap<>();
    final Map<String, String> globals = new LinkedHashMap<>();
    final List<String> problems = new ArrayList<>();

    static Dialplan of(DialplanConf conf) {
        Dialplan dialplan = new Dialplan();
        for (DialplanConf.Section section : conf.sections) {
            switch (section.name()) {
                case "general" -> { }
                case "globals" -> section.entries().forEach(e -> dialplan.globals.put(e.key(), e.value()));
                default -> dialplan.readContext(section);
            }
        }
        return dialplan;
    }

    Stream<Step> steps() {
        return contexts.values().stream().flatMap(c -> c.extensions().values().stream()).flatMap(List::stream);
    }

    /** The steps of the extension {@code exten} reaches in {@code context}: exact names, patterns, then includes. */
    Optional<List<Step>> extension(String context, String exten) {
        return extension(context, exten, new HashSet<>());
    }

    private Optional<List<Step>> extension(String context, String exten, Set<String> seen) {
        Context found = contexts.get(context);
        if (found == null || !seen.add(context)) {
            return Optional.empty();
        }
        Map<String, List<Step>> extensions = found.extensions();
        Optional<List<Step>> own = Optional.ofNullable(extensions.get(exten)).or(() -> extensions.entrySet().stream()
                .filter(e -> matches(e.getKey(), exten)).map(Map.Entry::getValue).findFirst());
        return own.or(() -> found.includes().stream().map(i -> extension(i.context(), exten, seen))
                .flatMap(Optional::stream).findFirst());
    }

    /**
     * The contexts a step of {@code context} runs in: a channel that matches an included context's extension
     * stays in the including context, so "Goto(i,1)" there means the includer's 'i'.
     */
    Set<String> runningAs(String context) {
        Set<String> includers = new HashSet<>();
        for (Context c : contexts.values()) {
            if (c.includes().stream().anyMatch(i -> i.context().equals(context))) {
                includers.addAll(runningAs(c.name()));
            }
        }
        return includers.isEmpty() ? Set.of(context) : includers;
    }

    /** The step's own call and the calls ExecIf, ExecIfTime, Exec and TryExec would run. */
    static List<Call> calls(Call call) {
        List<Call> calls = new ArrayList<>(List.of(call));
        String app = call.app().toLowerCase();
        List<String> inner = switch (app) {
            case "execif", "execiftime" -> branches(call.args()).map(b -> List.of(b.whenTrue(), b.whenFalse()))
                    .orElse(List.of());
            case "exec", "tryexec" -> List.of(call.args());
            default -> List.of();
        };
        inner.stream().map(Dialplan::parseCall).flatMap(Optional::stream).map(Dialplan::calls).forEach(calls::addAll);
        return calls;
    }

    static Optional<Call> parseCall(String text) {
        Matcher call = CALL.matcher(text.strip());
        return call.matches() ? Optional.of(new Call(call.group(1), call.group(2))) : Optional.empty();
    }

    static Optional<Branches> branches(String args) {
        int question = indexTop(args, '?');
        if (question < 0) {
            return Optional.empty();
        }
        String rest = args.substring(question + 1);
        int colon = indexTop(rest, ':');
        return Optional.of(new Branches(args.substring(0, question), colon < 0 ? rest : rest.substring(0, colon),
                colon < 0 ? "" : rest.substring(colon + 1)));
    }

    /** Names read as ${NAME} (not ${NAME(...)}, a function), and the list variables CUT and FIELDQTY name. */
    static Set<String> variablesRead(String text) {
        Set<String> names = new HashSet<>();
        Matcher m = VARIABLE.matcher(text);
        while (m.find()) {
            if (m.group(2).isEmpty()) {
                names.add(m.group(1));
            }
        }
        Matcher list = NAMED_LIST.matcher(text);
        while (list.find()) {
            names.add(list.group(1));
        }
        return names;
    }

    /** Functions called as ${NAME(...)} and written as Set(NAME(...)=...). */
    static Set<String> functionsUsed(Call call) {
        Set<String> names = new HashSet<>();
        Matcher m = VARIABLE.matcher(call.args());
        while (m.find()) {
            if (!m.group(2).isEmpty()) {
                names.add(m.group(1));
            }
        }
        assignments(call).keySet().stream().filter(left -> left.contains("("))
                .forEach(left -> names.add(left.substring(0, left.indexOf('('))));
        return names;
    }

    /** What Set and MSet assign: left side (a variable or FUNCTION(args)) to value. */
    static Map<String, String> assignments(Call call) {
        List<String> pairs = switch (call.app().toLowerCase()) {
            case "set" -> List.of(call.args());
            case "mset" -> call.arguments();
            default -> List.of();
        };
        Map<String, String> assigned = new HashMap<>();
        for (String pair : pairs) {
            int equals = indexTop(pair, '=');
            if (equals > 0) {
                assigned.put(pair.substring(0, equals).strip(), pair.substring(equals + 1));
            }
        }
        return assigned;
    }

    /** Asterisk's extension patterns: '_' then X Z N, [classes], '.' (one or more), '!' (zero or more). */
    static boolean matches(String pattern, String exten) {
        if (!pattern.startsWith("_")) {
            return pattern.equals(exten);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 1; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (Character.toUpperCase(c)) {
                case 'X' -> regex.append("[0-9]");
                case 'Z' -> regex.append("[1-9]");
                case 'N' -> regex.append("[2-9]");
                case '.' -> regex.append(".+");
                case '!' -> regex.append(".*");
                case '-' -> { }
                case '[' -> {
                    int end = pattern.indexOf(']', i);
                    if (end < 0) {
                        return false;
                    }
                    regex.append('[').append(pattern.substring(i + 1, end).replace("\\", "\\\\")
                            .replace("[", "\\[")).append(']');
                    i = end;
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return exten.matches(regex.toString());
    }

    /** The first unbalanced (, ), ${, $[, } or ] in {@code text}, or empty when all pairs close. */
    static Optional<String> unbalanced(String text) {
        List<String> open = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$' && i + 1 < text.length() && "{[".indexOf(text.charAt(i + 1)) >= 0) {
                open.add("$" + text.charAt(++i));
            } else if (c == '(' || c == '[' || c == '{') {
                open.add(String.valueOf(c));
            } else if (c == ')' || c == ']' || c == '}') {
                String expected = switch (c) {
                    case ')' -> "(";
                    case ']' -> "[";
                    default -> "{";
                };
                if (open.isEmpty() || !open.getLast().endsWith(expected)) {
                    return Optional.of("'" + c + "' at column " + (i + 1) + " closes nothing open");
                }
                open.removeLast();
            }
        }
        return open.isEmpty() ? Optional.empty() : Optional.of("'" + open.getLast() + "' is never closed");
    }

    static List<String> splitTop(String text, char separator) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int at; (at = indexTop(text.substring(start), separator)) >= 0; start += at + 1) {
            parts.add(text.substring(start, start + at));
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** Index of {@code wanted} outside (), [], {}, ${}, $[] and double quotes; -1 when there is none. */
    static int indexTop(String text, char wanted) {
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (depth == 0 && !quoted && c == wanted) {
                return i;
            } else if ("([{".indexOf(c) >= 0) {
                depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depth--;
            }
        }
        return -1;
    }

    private void readContext(DialplanConf.Section section) {
        Context context = contexts.computeIfAbsent(section.name(),
                name -> new Context(name, new ArrayList<>(), new LinkedHashMap<>()));
        String lastExten = null;
        int lastPriority = 0;
        for (DialplanConf.Entry entry : section.entries()) {
            String key = entry.key().toLowerCase();
            if (!CONTEXT_KEYS.contains(key)) {
                problems.add(entry.where() + ": '" + entry.key() + "' is not a dialplan line (exten, same, include)");
            } else if (key.equals("include")) {
                context.includes().add(new Include(entry.value().split(",")[0].strip(), entry.where()));
            } else if (key.equals("exten") || key.equals("same")) {
                String rest = entry.value();
                String exten;
                if (key.equals("same")) {
                    if (lastExten == null) {
                        problems.add(entry.where() + ": 'same =>' with no 'exten =>' before it in ["
                                + section.name() + "]");
                        continue;
                    }
                    exten = lastExten;
                } else {
                    int comma = rest.indexOf(',');
                    exten = comma < 0 ? rest : rest.substring(0, comma).strip();
                    rest = comma < 0 ? "" : rest.substring(comma + 1);
                    unbalanced(exten.replaceAll("\\[[^\\]]*]", "")).ifPresent(p -> problems.add(entry.where()
                            + ": extension '" + exten + "': " + p));
                }
                Optional<Step> step = readStep(context, exten, rest, lastPriority, entry.where());
                if (step.isPresent()) {
                    lastExten = exten;
                    lastPriority = step.get().priority();
                    context.extensions().computeIfAbsent(exten, e -> new ArrayList<>()).add(step.get());
                }
            }
        }
    }

    private Optional<Step> readStep(Context context, String exten, String text, int lastPriority, String where) {
        int comma = text.indexOf(',');
        Matcher priority = PRIORITY.matcher(comma < 0 ? text : text.substring(0, comma).strip());
        Optional<Call> call = comma < 0 ? Optional.empty() : parseCall(text.substring(comma + 1));
        if (!priority.matches() || call.isEmpty()) {
            problems.add(where + ": expected 'exten => name,priority[(label)],Application(arguments)', found '"
                    + text + "'");
            return Optional.empty();
        }
        unbalanced(text).ifPresent(p -> problems.add(where + ": " + p));
        List<Step> earlier = context.extensions().getOrDefault(exten, List.of());
        int number = priority.group(1).equals("n") ? lastPriority + 1 : Integer.parseInt(priority.group(1));
        if (earlier.isEmpty() && !priority.group(1).equals("1")) {
            problems.add(where + ": the first step of " + exten + "@" + context.name() + " must have priority 1, not '"
                    + priority.group(1) + "'");
        }
        String label = priority.group(2);
        for (Step step : earlier) {
            if (step.priority() == number) {
                problems.add(where + ": priority " + number + " of " + exten + "@" + context.name()
                        + " is already used at " + step.where());
            }
            if (label != null && label.equals(step.label())) {
                problems.add(where + ": label '" + label + "' of " + exten + "@" + context.name()
                        + " is already used at " + step.where());
            }
        }
        return Optional.of(new Step(context.name(), exten, number, label, call.get(), where));
    }
}
