package org.helpline.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.helpline.telephony.Dialplan.Call;
import org.helpline.telephony.Dialplan.Step;
import org.helpline.telephony.DialplanConf.Entry;
import org.helpline.telephony.DialplanConf.Section;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Asterisk cannot run here, so dialplan/*.conf and config/asterisk/*.conf are checked the way Asterisk 22
 * would load them (and what the line needs from them, per docs/telephony.md). Facts about Asterisk are in
 * {@link DialplanAsterisk22}. Every failure names the file and line.
 */
@DisplayName("dialplan and Asterisk configuration, as Asterisk 22 loads them")
class DialplanFilesTest {
    private static final Path DIALPLAN = Path.of("dialplan");
    private static final Path CONFIG = Path.of("config/asterisk");
    private static final Path DOCS = Path.of("docs/telephony.md");
    private static final Path RUNBOOK = Path.of("ops/runbook.md");
    /** The dialplan plays helpline/NAME: install.sh puts each language's prompts in sounds/LANG/helpline. */
    private static final String SOUND_DIR = "helpline";
    private static final Set<String> LOGGING_APPS = Set.of("noop", "verbose", "log", "dumpchan");
    private static final Pattern CALLER_NUMBER = Pattern.compile("(?i)CALLERID|CONNECTEDLINE|REDIRECTING|PJSIP_HEADER");
    private static final Pattern MUSIC_OPTION = Pattern.compile("m\\(([^)]*)\\)");

    private static DialplanInstall install;
    private static DialplanConf extensions;
    private static Dialplan dialplan;
    private static Map<String, DialplanConf> configs;

    @BeforeAll
    static void readFiles() {
        install = DialplanInstall.fromInstallScript();
        extensions = DialplanConf.read(DIALPLAN.resolve("extensions.conf"), install::follow);
        dialplan = Dialplan.of(extensions);
        configs = new LinkedHashMap<>();
        confFiles(CONFIG).forEach(file -> configs.put(file.getFileName().toString(),
                DialplanConf.read(file, install::follow)));
    }

    @Test
    void everyFileIsInstalledAndEveryIncludeResolves() {
        List<String> problems = new ArrayList<>();
        Stream.concat(Stream.of(DIALPLAN.resolve("extensions.conf")), confFiles(CONFIG).stream()).forEach(file -> {
            String installed = DialplanInstall.CONFIG_DIR + "/" + file.getFileName();
            if (!install.source(installed).equals(Optional.of(file))) {
                problems.add(file + " is not installed as " + installed + " by " + DialplanInstall.INSTALL);
            }
        });
        Set<Path> included = new LinkedHashSet<>();
        List<DialplanConf.Include> includes = new ArrayList<>(extensions.includes);
        configs.values().forEach(conf -> includes.addAll(conf.includes));
        for (DialplanConf.Include include : includes) {
            String installed = DialplanInstall.installedInclude(include.target());
            Optional<Path> source = install.follow(include.target());
            source.ifPresent(included::add);
            String name = Path.of(installed).getFileName().toString();
            if (source.isEmpty() && !install.generated.contains(installed)) {
                problems.add(include.where() + ": #include \"" + include.target() + "\" reads " + installed
                        + ", which no repository file provides where " + DialplanInstall.INSTALL + " installs them");
            } else if (source.isEmpty() && !(read(DOCS).contains(name) && read(RUNBOOK).contains(name))) {
                problems.add(include.where() + ": #include \"" + include.target() + "\" is written by "
                        + DialplanInstall.INSTALL + " only, and " + DOCS + " and " + RUNBOOK + " do not both name it"
                        + " (what it holds, how to write it by hand)");
            }
        }
        confFiles(DIALPLAN).stream().filter(f -> !f.endsWith("extensions.conf") && !included.contains(f))
                .forEach(f -> problems.add(f + " is never #included from dialplan/extensions.conf, so Asterisk never"
                        + " reads it (or install.sh does not put it in " + DialplanInstall.CONFIG_DIR + "/dialplan)"));
        assertThat(problems).as("installed files and #include targets").isEmpty();
    }

    @Test
    void dialplanLinesAreWellFormed() {
        List<String> problems = new ArrayList<>(extensions.problems);
        problems.addAll(dialplan.problems);
        assertThat(problems).as("dialplan syntax as pbx_config reads it").isEmpty();
    }

    @Test
    void everyJumpTargetExists() {
        List<String> problems = new ArrayList<>();
        dialplan.steps().forEach(step -> Dialplan.calls(step.call()).forEach(call -> {
            switch (call.app().toLowerCase()) {
                case "goto", "gosub" -> checkTarget(step, call, call.args(), problems);
                case "gotoif", "gosubif", "gotoiftime" -> Dialplan.branches(call.args()).ifPresent(b ->
                        Stream.of(b.whenTrue(), b.whenFalse()).filter(t -> !t.isBlank())
                                .forEach(t -> checkTarget(step, call, t, problems)));
                default -> { }
            }
        }));
        dialplan.contexts.values().forEach(c -> c.includes().stream()
                .filter(i -> !dialplan.contexts.containsKey(i.context()))
                .forEach(i -> problems.add(i.where() + ": include => " + i.context() + ": no such context")));
        assertThat(problems).as("Goto/GotoIf/Gosub/GosubIf/include targets").isEmpty();
    }

    @Test
    void everyApplicationIsRealAndItsModuleIsLoaded() {
        Set<String> loaded = loadedModules();
        List<String> problems = new ArrayList<>();
        dialplan.steps().forEach(step -> Dialplan.calls(step.call()).forEach(call ->
                checkApplication(call.app(), step.where(), loaded, problems)));
        // Applications the server runs through AMI Originate (docs: "Listening in").
        Matcher originated = Pattern.compile("Application: (\\w+)").matcher(read(DOCS));
        while (originated.find()) {
            checkApplication(originated.group(1), DOCS + " (AMI Originate)", loaded, problems);
        }
        assertThat(problems).as("applications and their modules in " + CONFIG.resolve("modules.conf")).isEmpty();
    }

    @Test
    void everyFunctionIsRealAndItsModuleIsLoaded() {
        Set<String> loaded = loadedModules();
        List<String> problems = new ArrayList<>();
        dialplan.steps().forEach(step -> Dialplan.calls(step.call()).forEach(call -> {
            for (String function : Dialplan.functionsUsed(call)) {
                String module = DialplanAsterisk22.FUNCTIONS.get(function.toLowerCase());
                if (module == null) {
                    problems.add(step.where() + ": " + function + "() is not an Asterisk 22 function"
                            + " DialplanAsterisk22.FUNCTIONS knows");
                } else if (!loaded.contains(module)) {
                    problems.add(step.where() + ": " + function + "() needs load = " + module);
                }
            }
        }));
        assertThat(problems).as("dialplan functions and their modules").isEmpty();
    }

    @Test
    void modulesLoadWithEverythingTheyAndTheLineNeed() {
        DialplanConf modules = configs.get("modules.conf");
        Section section = modules.section("modules").orElseThrow();
        Set<String> loaded = loadedModules();
        List<String> problems = new ArrayList<>();
        if (!says(modules, "modules", "autoload", "no")) {
            problems.add(section.where() + ": autoload = no is expected (the runbook: only what the line uses)");
        }
        section.entries().stream().filter(e -> !e.key().equalsIgnoreCase("autoload"))
                .filter(e -> !DialplanAsterisk22.MODULES.contains(moduleName(e.value())))
                .forEach(e -> problems.add(e.where() + ": " + e.value() + " is not an Asterisk 22 module"
                        + " DialplanAsterisk22 knows"));
        for (String module : loaded) {
            DialplanAsterisk22.REQUIRES.getOrDefault(module, Set.of()).stream().filter(r -> !loaded.contains(r))
                    .forEach(r -> problems.add(module + " requires " + r + ", which modules.conf does not load"));
        }
        needs().forEach((module, why) -> {
            if (!loaded.contains(module)) {
                problems.add(why + ": needs load = " + module);
            }
        });
        assertThat(problems).as(CONFIG.resolve("modules.conf") + " (autoload = no)").isEmpty();
    }

    @Test
    void everySoundPlayedIsRenderedForEveryLanguage() {
        List<String> problems = new ArrayList<>();
        List<String> languages = languages();
        Set<String> required = DialplanInstall.requiredByRender();
        Map<String, Set<String>> rendered = new LinkedHashMap<>();
        for (String language : languages) {
            Path prompts = DialplanInstall.PROMPTS.resolve(language + ".txt");
            if (!Files.isRegularFile(prompts)) {
                problems.add("HELPLINE_LANGUAGES names " + language + ", but " + prompts + " does not exist");
                continue;
            }
            rendered.put(language, DialplanInstall.promptNames(language));
            String mount = "/var/lib/asterisk/sounds/" + language + "/" + SOUND_DIR;
            Path out = DialplanInstall.PROMPTS.resolve("out").resolve(language);
            if (!install.source(mount).equals(Optional.of(out))) {
                problems.add(DialplanInstall.INSTALL + " does not install " + out + " at " + mount);
            }
        }
        dialplan.steps().forEach(step -> Dialplan.calls(step.call()).forEach(call -> {
            for (String file : soundFiles(call, step, problems)) {
                for (String name : soundNames(file, step, problems)) {
                    rendered.forEach((language, names) -> {
                        if (!names.contains(name)) {
                            problems.add(step.where() + ": " + call.app() + " may play " + SOUND_DIR + "/" + name
                                    + ", which " + DialplanInstall.PROMPTS.resolve(language + ".txt")
                                    + " does not render");
                        }
                    });
                    if (!required.contains(name)) {
                        problems.add(step.where() + ": " + SOUND_DIR + "/" + name + " is not in render.sh's required"
                                + " list, so a language without it would render without an error");
                    }
                }
            }
        }));
        assertThat(problems).as("sound files the dialplan plays, for " + languages).isEmpty();
    }

    @Test
    void everyMusicClassExistsAndItsFilesAreInstalled() {
        DialplanConf music = configs.get("musiconhold.conf");
        Map<String, String> used = new LinkedHashMap<>();
        dialplan.steps().forEach(step -> Dialplan.calls(step.call()).forEach(call ->
                musicClasses(call).forEach(c -> used.putIfAbsent(c, step.where()))));
        Stream.of("queues.conf", "pjsip.conf").flatMap(f -> configs.get(f).sections.stream())
                .flatMap(s -> s.entries().stream())
                .filter(e -> e.key().equalsIgnoreCase("musicclass") || e.key().equalsIgnoreCase("moh_suggest"))
                .forEach(e -> used.putIfAbsent(e.value(), e.where()));
        List<String> problems = new ArrayList<>();
        used.forEach((name, where) -> {
            if (music.section(name).isEmpty()) {
                problems.add(where + ": music class '" + name + "' is not in " + CONFIG.resolve("musiconhold.conf"));
            }
        });
        music.sections.stream().filter(s -> !s.name().equals("general")).forEach(s -> {
            Optional<String> directory = s.get("directory");
            Optional<Path> source = directory.map(DialplanInstall::installedData).flatMap(install::source);
            if (directory.isEmpty() || source.isEmpty()
                    || !source.get().startsWith(DialplanInstall.PROMPTS.resolve("out"))) {
                problems.add(s.where() + ": [" + s.name() + "] directory must be where " + DialplanInstall.INSTALL
                        + " installs the music render.sh makes (ops/prompts/out/...)");
            }
        });
        assertThat(problems).as("music on hold classes").isEmpty();
    }

    @Test
    void everyVariableReadIsSetSomewhere() {
        Set<String> set = new TreeSet<>(dialplan.globals.keySet());
        set.addAll(DialplanAsterisk22.BUILT_IN_VARIABLES);
        set.addAll(serverVariables());
        dialplan.steps().flatMap(step -> Dialplan.calls(step.call()).stream()).forEach(call -> {
            Dialplan.assignments(call).keySet().stream().filter(left -> !left.contains("(")).forEach(set::add);
            if (call.app().equalsIgnoreCase("read")) {
                set.add(call.arguments().getFirst().strip());
            }
        });
        List<String> problems = new ArrayList<>();
        dialplan.steps().forEach(step -> Dialplan.variablesRead(step.call().args()).stream()
                .filter(name -> !set.contains(name))
                .forEach(name -> problems.add(step.where() + ": ${" + name + "} is set by no one: not globals.conf,"
                        + " no Set() in the dialplan, not the server (" + DOCS + "), not Asterisk")));
        assertThat(problems).as("variables read by the dialplan").isEmpty();
    }

    @Test
    void theCallersNumberIsNeverLoggedOrRecorded() {
        List<String> problems = new ArrayList<>();
        dialplan.steps().forEach(step -> Dialplan.calls(step.call()).stream()
                .filter(call -> LOGGING_APPS.contains(call.app().toLowerCase()))
                .filter(call -> call.app().equalsIgnoreCase("dumpchan") || CALLER_NUMBER.matcher(call.args()).find())
                .forEach(call -> problems.add(step.where() + ": " + call.app() + "(" + call.args() + ") would write"
                        + " the caller's number to the log")));
        DialplanConf logger = configs.get("logger.conf");
        if (!says(logger, "general", "queue_log", "no")) {
            problems.add(CONFIG.resolve("logger.conf") + ": [general] queue_log = no is missing (ENTERQUEUE lines"
                    + " carry the caller id)");
        }
        logger.section("logfiles").ifPresent(s -> s.entries().stream()
                .filter(e -> !e.key().equalsIgnoreCase("console"))
                .filter(e -> levels(e.value()).contains("verbose") || levels(e.value()).contains("dtmf"))
                .forEach(e -> problems.add(e.where() + ": " + e.key() + " would record verbose or dtmf lines")));
        for (String records : List.of("cdr.conf", "cel.conf")) {
            if (!says(configs.get(records), "general", "enable", "no")) {
                problems.add(CONFIG.resolve(records) + ": [general] enable = no is missing (records keep numbers)");
            }
        }
        assertThat(problems).as("privacy (" + DOCS + ", \"Privacy in Asterisk\")").isEmpty();
    }

    @Test
    void everyConfigFileReadsCleanly() {
        List<String> problems = new ArrayList<>();
        Stream.concat(confFiles(DIALPLAN).stream(), confFiles(CONFIG).stream()).forEach(file -> {
            DialplanConf conf = DialplanConf.read(file);
            problems.addAll(conf.problems);
            boolean namesRepeat = file.startsWith(DIALPLAN) || file.endsWith("pjsip.conf");
            Set<String> seen = new LinkedHashSet<>();
            conf.sections.stream().filter(s -> !namesRepeat && !seen.add(s.name()))
                    .forEach(s -> problems.add(s.where() + ": [" + s.name() + "] appears twice"));
        });
        assertThat(problems).as("section headers, templates, key = value lines, comments").isEmpty();
    }

    @Test
    void pjsipObjectsHaveKnownTypesAndOptions() {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Section section : configs.get("pjsip.conf").sections) {
            List<Entry> entries = pjsipEntries(section);
            Optional<String> type = entries.stream().filter(e -> e.key().equals("type")).map(Entry::value)
                    .reduce((a, b) -> b);
            if (type.isEmpty()) {
                if (!section.template()) {
                    problems.put(section.where(), "[" + section.name() + "] has no type");
                }
                continue;
            }
            Set<String> options = DialplanAsterisk22.PJSIP_OPTIONS.get(type.get());
            if (!DialplanAsterisk22.PJSIP_TYPES.containsKey(type.get())) {
                problems.putIfAbsent(section.where(), "type = " + type.get() + " is not a PJSIP object type");
            } else if (options == null) {
                problems.put(section.where(), "DialplanAsterisk22.PJSIP_OPTIONS has no options for " + type.get());
            } else {
                entries.stream().filter(e -> !options.contains(e.key()))
                        .forEach(e -> problems.putIfAbsent(e.where(), "'" + e.key() + "' is not an option of a PJSIP "
                                + type.get() + ": Asterisk refuses [" + section.name() + "] and all built on it"));
            }
            String previous = section.template() ? null : seen.put(type.get() + " " + section.name(), section.where());
            if (previous != null) {
                problems.put(section.where(), "a second " + type.get() + " [" + section.name() + "], first at "
                        + previous);
            }
        }
        assertThat(problems).as("pjsip.conf objects, by file:line").isEmpty();
    }

    @Test
    void namesUsedAcrossFilesExist() {
        Map<String, Map<String, List<Entry>>> objects = pjsipObjects();
        Map<String, List<Entry>> endpoints = objects.getOrDefault("endpoint", Map.of());
        List<String> problems = new ArrayList<>();
        objects.forEach((type, named) -> named.forEach((name, entries) -> {
            for (Entry e : entries) {
                switch (type + " " + e.key()) {
                    case "endpoint context" -> {
                        if (!dialplan.contexts.containsKey(e.value())) {
                            problems.add(e.where() + ": context " + e.value() + " is not in the dialplan");
                        }
                    }
                    case "endpoint transport" -> references(e, objects, "transport", problems);
                    case "endpoint aors" -> references(e, objects, "aor", problems);
                    case "endpoint auth", "endpoint outbound_auth" -> references(e, objects, "auth", problems);
                    case "identify endpoint" -> references(e, objects, "endpoint", problems);
                    default -> { }
                }
            }
        }));
        DialplanConf queues = configs.get("queues.conf");
        queues.sections.stream().flatMap(s -> s.all("member").stream().map(m -> Map.entry(s, m))).forEach(m -> {
            String iface = m.getValue().split(",")[0].strip();
            if (!iface.startsWith("PJSIP/") || !endpoints.containsKey(iface.substring(6))) {
                problems.add(m.getKey().where() + ": [" + m.getKey().name() + "] member " + iface
                        + " is not a PJSIP endpoint of pjsip.conf");
            }
        });
        dialplan.steps().forEach(step -> Dialplan.calls(step.call()).stream()
                .filter(call -> call.app().equalsIgnoreCase("queue"))
                .map(call -> withGlobals(call.arguments().getFirst().strip()))
                .filter(queue -> queues.section(queue).isEmpty())
                .forEach(queue -> problems.add(step.where() + ": queue " + queue + " is not in queues.conf")));
        assertThat(problems.stream().distinct().toList()).as("contexts, PJSIP objects and queues named in other files")
                .isEmpty();
    }

    @Test
    void otherConfigFilesUseKnownOptions() {
        List<String> problems = new ArrayList<>();
        Map<String, DialplanConf> files = new LinkedHashMap<>(configs);
        files.keySet().removeIf(file -> file.startsWith("pjsip")); // pjsip.conf and what it includes: checked above
        files.put("extensions.conf", DialplanConf.read(DIALPLAN.resolve("extensions.conf")));
        files.forEach((file, conf) -> conf.sections.forEach(section -> {
            if (file.equals("logger.conf") && section.name().equals("logfiles")) {
                section.entries().forEach(e -> levels(e.value()).stream()
                        .filter(level -> !DialplanAsterisk22.LOG_LEVELS.contains(level))
                        .forEach(level -> problems.add(e.where() + ": '" + level + "' is not a log level")));
                return;
            }
            // [general] has a table of its own; the other sections are the file's queues, users, classes
            Set<String> options = DialplanAsterisk22.OPTIONS.get(file + " [" + section.name() + "]");
            if (options == null && !section.name().equals("general")) {
                options = DialplanAsterisk22.OPTIONS.get(file);
            }
            if (options == null) {
                boolean dialplanContext = file.equals("extensions.conf") || file.equals("features.conf");
                if (!dialplanContext && !section.entries().isEmpty()) {
                    problems.add(section.where() + ": DialplanAsterisk22.OPTIONS has no options for [" + section.name()
                            + "] of " + file);
                }
                return;
            }
            Set<String> known = options;
            // an option may carry criteria in brackets: eventfilter(action(include),name(Hangup))
            section.entries().stream().filter(e -> !known.contains(e.key().replaceFirst("\\(.*", "").toLowerCase()))
                    .forEach(e -> problems.add(e.where() + ": '" + e.key() + "' is not an option of [" + section.name()
                            + "] in " + file));
        }));
        assertThat(problems).as("options of manager, queues, musiconhold, rtp, logger, modules, cdr, cel").isEmpty();
    }

    @Test
    void theAmiUserHasExactlyTheDocumentedClassesFromLoopbackOnly() {
        String docs = read(DOCS);
        Matcher user = Pattern.compile("User `(\\w+)` \\(`manager.conf`\\)").matcher(docs);
        Matcher reads = Pattern.compile("Read classes\\s+`([^`]+)`").matcher(docs);
        Matcher writes = Pattern.compile("(?s)Write classes\\s+`([^`]+)`:(.*?)Not granted").matcher(docs);
        assertThat(user.find() && reads.find() && writes.find())
                .as(DOCS + " names the AMI user, read and write classes").isTrue();
        DialplanConf manager = configs.get("manager.conf");
        List<Section> users = manager.sections.stream().filter(s -> !s.name().equals("general")).toList();
        List<String> problems = new ArrayList<>();
        if (users.size() != 1 || !users.getFirst().name().equals(user.group(1))) {
            problems.add(CONFIG.resolve("manager.conf") + " must define one user, [" + user.group(1) + "], not "
                    + users.stream().map(Section::name).toList());
        }
        for (Section ami : users) {
            Set<String> read = classes(ami, "read", problems);
            Set<String> write = classes(ami, "write", problems);
            if (!read.equals(Set.of(reads.group(1).split(",")))) {
                problems.add(ami.where() + ": read = " + read + ", but " + DOCS + " says " + reads.group(1));
            }
            if (!write.equals(Set.of(writes.group(1).split(",")))) {
                problems.add(ami.where() + ": write = " + write + ", but " + DOCS + " says " + writes.group(1));
            }
            Matcher action = Pattern.compile("`(\\w+)`").matcher(writes.group(2));
            while (action.find()) {
                Set<String> permits = DialplanAsterisk22.AMI_ACTIONS.get(action.group(1));
                if (permits == null) {
                    problems.add(DOCS + ": AMI action " + action.group(1)
                            + " is not in DialplanAsterisk22.AMI_ACTIONS");
                } else if (!permits.isEmpty() && permits.stream().noneMatch(write::contains)) {
                    problems.add(ami.where() + ": the server sends " + action.group(1) + ", which needs write class "
                            + permits);
                }
            }
            checkLoopbackOnly(ami, problems);
            checkNoReadEventDisabled(manager, ami, problems);
            ami.entries().stream().filter(e -> e.key().equalsIgnoreCase("secret"))
                    .forEach(e -> problems.add(e.where() + ": the AMI secret belongs in manager_secret.conf, not git"));
        }
        Optional<String> bind = manager.section("general").flatMap(s -> s.get("bindaddr"));
        if (!bind.map(a -> a.startsWith("127.")).orElse(false)) {
            problems.add(CONFIG.resolve("manager.conf") + ": [general] bindaddr must be a loopback address");
        }
        assertThat(problems).as("AMI user (" + DOCS + ", \"What the server sees over AMI\")").isEmpty();
    }

    /** [general] disabledevents silences an event for every AMI user: never one the server filters in. */
    private static void checkNoReadEventDisabled(DialplanConf manager, Section ami, List<String> problems) {
        Set<String> disabled = manager.section("general").flatMap(s -> s.get("disabledevents"))
                .map(list -> Set.of(list.strip().split("\\s*,\\s*"))).orElse(Set.of());
        for (var entry : ami.entries()) {
            Matcher name = Pattern.compile("^eventfilter\\(action\\(include\\),name\\((\\w+)\\)\\)$").matcher(entry.key());
            if (name.find() && disabled.contains(name.group(1))) {
                problems.add(entry.where() + ": the server reads " + name.group(1)
                        + ", which [general] disabledevents keeps from every AMI user");
            }
        }
    }

    // ---- jump targets

    private static void checkTarget(Step step, Call call, String target, List<String> problems) {
        List<String> parts = new ArrayList<>(Dialplan.splitTop(target, ',').stream().map(String::strip).toList());
        if (call.app().toLowerCase().startsWith("gosub")) {
            parts.set(parts.size() - 1, parts.getLast().replaceFirst("\\(.*\\)$", ""));
        }
        String shown = step.where() + ": " + call.app() + "(" + call.args() + ")";
        if (parts.size() > 3 || parts.stream().anyMatch(String::isEmpty)) {
            problems.add(shown + ": '" + target + "' is not [[context,]extension,]priority");
            return;
        }
        String priority = parts.getLast();
        String exten = parts.size() >= 2 ? parts.get(parts.size() - 2) : step.exten();
        Set<String> contexts = switch (parts.size()) {
            case 3 -> Set.of(parts.getFirst());
            case 2 -> dialplan.runningAs(step.context());
            default -> Set.of(step.context()); // a priority or label of the step's own extension
        };
        for (String context : contexts) {
            if (context.contains("${")) {
                continue;
            }
            if (!dialplan.contexts.containsKey(context)) {
                problems.add(shown + ": no context " + context);
                continue;
            }
            if (exten.contains("${")) {
                continue;
            }
            Optional<List<Step>> steps = dialplan.extension(context, exten);
            if (steps.isEmpty()) {
                problems.add(shown + ": no extension " + exten + " in " + context);
            } else if (!priority.contains("${") && steps.get().stream().noneMatch(s -> priority.equals(s.label())
                    || priority.equals(String.valueOf(s.priority())))) {
                problems.add(shown + ": " + exten + "@" + context + " has no priority or label '" + priority + "'");
            }
        }
    }

    // ---- applications and modules

    private static void checkApplication(String app, String where, Set<String> loaded, List<String> problems) {
        String module = DialplanAsterisk22.APPLICATIONS.get(app.toLowerCase());
        if (module == null) {
            problems.add(where + ": " + app + " is not an Asterisk 22 application DialplanAsterisk22 knows");
        } else if (!module.equals(DialplanAsterisk22.CORE) && !loaded.contains(module)) {
            problems.add(where + ": " + app + " needs load = " + module);
        }
    }

    private static Set<String> loadedModules() {
        Section section = configs.get("modules.conf").section("modules").orElseThrow();
        Set<String> loaded = new LinkedHashSet<>();
        for (String key : List.of("load", "preload", "require", "preload-require")) {
            section.all(key).forEach(m -> loaded.add(moduleName(m)));
        }
        return loaded;
    }

    private static String moduleName(String value) {
        return value.endsWith(".so") ? value : value + ".so";
    }

    /** Modules the configuration needs beyond applications and functions, each with the reason. */
    private static Map<String, String> needs() {
        Map<String, String> needs = new LinkedHashMap<>();
        needs.put("pbx_config.so", "dialplan/extensions.conf");
        pjsipObjects().forEach((type, named) -> {
            String first = named.values().iterator().next().getFirst().where();
            Optional.ofNullable(DialplanAsterisk22.PJSIP_TYPES.get(type))
                    .ifPresent(m -> needs.putIfAbsent(m, first + ": type = " + type));
            named.values().stream().flatMap(List::stream).forEach(e -> {
                switch (type + " " + e.key()) {
                    case "endpoint auth" -> needs.putIfAbsent("res_pjsip_authenticator_digest.so", e.where()
                            + ": endpoints that authenticate");
                    case "aor max_contacts" -> needs.putIfAbsent("res_pjsip_registrar.so", e.where()
                            + ": phones that register");
                    case "endpoint allow" -> Arrays.stream(e.value().split(",")).map(String::strip)
                            .map(DialplanAsterisk22.CODECS::get).filter(Objects::nonNull)
                            .forEach(m -> needs.putIfAbsent(m, e.where() + ": allow = " + e.value()
                                    + " (the prompts are signed linear)"));
                    case "global endpoint_identifier_order" -> Arrays.stream(e.value().split(","))
                            .map(i -> DialplanAsterisk22.PJSIP_IDENTIFIERS.get(i.strip())).filter(Objects::nonNull)
                            .forEach(m -> needs.putIfAbsent(m, e.where() + ": endpoint_identifier_order"));
                    default -> { }
                }
            });
            if (type.equals("endpoint")) {
                for (String module : List.of("chan_pjsip.so", "res_pjsip_session.so", "res_pjsip_sdp_rtp.so",
                        "res_rtp_asterisk.so")) {
                    needs.putIfAbsent(module, first + ": calls to and from PJSIP endpoints");
                }
            }
        });
        DialplanInstall.renderedFormats().forEach(format -> Optional
                .ofNullable(DialplanAsterisk22.SOUND_FORMATS.get(format))
                .ifPresent(m -> needs.putIfAbsent(m, DialplanInstall.RENDER + ": ." + format + " prompts and music")));
        if (configs.get("musiconhold.conf").sections.size() > 1) {
            needs.put("res_musiconhold.so", CONFIG.resolve("musiconhold.conf") + ": music classes");
        }
        dialplan.steps().filter(s -> Set.of("dial", "queue").contains(s.call().app().toLowerCase())).findFirst()
                .ifPresent(s -> needs.put("bridge_simple.so", s.where() + ": " + s.call().app()
                        + " bridges two channels"));
        return needs;
    }

    // ---- sounds and music

    private static List<String> soundFiles(Call call, Step step, List<String> problems) {
        List<String> args = call.arguments();
        String app = call.app().toLowerCase();
        if (app.startsWith("say")) {
            problems.add(step.where() + ": " + call.app() + " plays Asterisk's core sounds, which are not installed"
                    + " (every file is rendered by ops/prompts)");
        }
        String files = switch (app) {
            case "playback", "background", "controlplayback" -> args.getFirst();
            case "read" -> args.size() > 1 ? args.get(1) : "";
            default -> "";
        };
        List<String> list = new ArrayList<>();
        for (String file : files.split("&")) {
            if (file.isBlank()) {
                continue;
            }
            if (!file.strip().startsWith(SOUND_DIR + "/")) {
                problems.add(step.where() + ": " + file.strip() + " is not under " + SOUND_DIR
                        + "/, where the rendered prompts are installed");
            } else {
                list.add(file.strip().substring(SOUND_DIR.length() + 1));
            }
        }
        return list;
    }

    /** The names a file may take: itself, or for NAME${VAR} every value the extension's clamping lets VAR take. */
    private static List<String> soundNames(String file, Step step, List<String> problems) {
        Matcher family = Pattern.compile("([^$]*)\\$\\{(\\w+)}([^$]*)").matcher(file);
        if (!file.contains("$")) {
            return List.of(file);
        }
        if (!family.matches()) {
            problems.add(step.where() + ": cannot tell which files " + file + " names (one ${VAR} at most)");
            return List.of();
        }
        List<Step> steps = dialplan.contexts.get(step.context()).extensions().get(step.exten());
        return clampedValues(family.group(2), steps.subList(0, steps.indexOf(step)), step.where(), problems).stream()
                .map(value -> family.group(1) + value + family.group(3)).toList();
    }

    /**
     * The values VAR can have when the steps before the play keep it to digits, skip it when empty, strip
     * leading zeros and clamp it: Set(V=${FILTER(0-9,...)}), GotoIf($["${V}" = ""]?...), Set(V=$[${V} + 0]),
     * optionally ExecIf($[${V} < LOW]?Set(V=LOW)), then ExecIf($[${V} > HIGH]?Set(V=word)).
     */
    private static List<String> clampedValues(String var, List<Step> before, String where, List<String> problems) {
        String v = Pattern.quote("${" + var + "}");
        String name = Pattern.quote(var);
        Map<String, Pattern> expected = new LinkedHashMap<>();
        expected.put("Set(V=${FILTER(0-9,...)})", Pattern.compile("Set\\(" + name + "=\\$\\{FILTER\\(0-9,.*\\)}\\)"));
        expected.put("GotoIf($[\"${V}\" = \"\"]?...)", Pattern.compile("GotoIf\\(\\$\\[\"" + v + "\" = \"\"]\\?.+\\)"));
        expected.put("Set(V=$[${V} + 0])", Pattern.compile("Set\\(" + name + "=\\$\\[" + v + " \\+ 0]\\)"));
        expected.put("ExecIf($[${V} > HIGH]?Set(V=word))",
                Pattern.compile("ExecIf\\(\\$\\[" + v + " > (\\d+)]\\?Set\\(" + name + "=(\\w+)\\)\\)"));
        int at = 0;
        Matcher high = null;
        for (Map.Entry<String, Pattern> step : expected.entrySet()) {
            Matcher found = null;
            while (at < before.size() && found == null) {
                Matcher m = step.getValue().matcher(text(before.get(at++).call()));
                found = m.matches() ? m : null;
            }
            if (found == null) {
                problems.add(where + ": cannot tell which files ${" + var + "} names: the steps before must be, in"
                        + " order, " + String.join(", ", expected.keySet()).replace("V", var) + "; "
                        + step.getKey().replace("V", var) + " is missing");
                return List.of();
            }
            high = found;
        }
        Pattern lowStep = Pattern.compile("ExecIf\\(\\$\\[" + v + " < (\\d+)]\\?Set\\(" + name + "=\\1\\)\\)");
        int low = before.stream().map(s -> lowStep.matcher(text(s.call()))).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0);
        List<String> values = new ArrayList<>(IntStream.rangeClosed(low, Integer.parseInt(high.group(1)))
                .mapToObj(String::valueOf).toList());
        values.add(high.group(2));
        return values.stream().distinct().toList();
    }

    private static Set<String> musicClasses(Call call) {
        List<String> args = call.arguments();
        String options = switch (call.app().toLowerCase()) {
            case "waitexten" -> args.size() > 1 ? args.get(1) : "";
            case "dial" -> args.size() > 2 ? args.get(2) : "";
            default -> "";
        };
        Set<String> classes = new LinkedHashSet<>();
        Matcher m = MUSIC_OPTION.matcher(options);
        while (m.find()) {
            classes.add(m.group(1).isBlank() ? "default" : m.group(1));
        }
        if (Set.of("musiconhold", "startmusiconhold").contains(call.app().toLowerCase())) {
            classes.add(args.getFirst().isBlank() ? "default" : args.getFirst().strip());
        }
        return classes;
    }

    // ---- variables and settings

    private static List<String> languages() {
        return List.of(dialplan.globals.getOrDefault("HELPLINE_LANGUAGES", "").split("&"));
    }

    /** Channel variables the server sets: the "| variable | values |" tables of docs/telephony.md. */
    private static Set<String> serverVariables() {
        Set<String> names = new LinkedHashSet<>();
        boolean inTable = false;
        for (String line : DialplanInstall.lines(DOCS)) {
            if (line.matches("\\|\\s*variable\\s*\\|\\s*values\\s*\\|")) {
                inTable = true;
            } else if (!line.startsWith("|")) {
                inTable = false;
            } else if (inTable) {
                Matcher name = Pattern.compile("\\|\\s*`(\\w+)`").matcher(line);
                if (name.lookingAt()) {
                    names.add(name.group(1));
                }
            }
        }
        return names;
    }

    private static String withGlobals(String text) {
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(text);
        return m.replaceAll(r -> Matcher.quoteReplacement(dialplan.globals.getOrDefault(r.group(1), r.group())));
    }

    private static List<String> levels(String value) {
        return Arrays.stream(value.split(",")).map(l -> l.strip().replaceFirst("\\(.*\\)$", "").toLowerCase()).toList();
    }

    // ---- pjsip and manager

    /** A section's entries with its templates' first (as Asterisk copies them), templates of templates too. */
    private static List<Entry> pjsipEntries(Section section) {
        List<Entry> entries = new ArrayList<>();
        for (String template : section.templates()) {
            configs.get("pjsip.conf").sections.stream().filter(s -> s.name().equals(template)).findFirst()
                    .ifPresent(t -> entries.addAll(pjsipEntries(t)));
        }
        entries.addAll(section.entries());
        return entries;
    }

    /** PJSIP objects by type and name, each with its entries (templates included). */
    private static Map<String, Map<String, List<Entry>>> pjsipObjects() {
        Map<String, Map<String, List<Entry>>> objects = new LinkedHashMap<>();
        configs.get("pjsip.conf").sections.stream().filter(s -> !s.template()).forEach(s -> {
            List<Entry> entries = pjsipEntries(s);
            entries.stream().filter(e -> e.key().equals("type")).map(Entry::value).reduce((a, b) -> b)
                    .ifPresent(type -> objects.computeIfAbsent(type, t -> new LinkedHashMap<>())
                            .put(s.name(), entries));
        });
        return objects;
    }

    private static void references(Entry entry, Map<String, Map<String, List<Entry>>> objects, String type,
            List<String> problems) {
        Arrays.stream(entry.value().split(",")).map(String::strip)
                .filter(name -> !objects.getOrDefault(type, Map.of()).containsKey(name))
                .forEach(name -> problems.add(entry.where() + ": " + entry.key() + " = " + name + ": no " + type
                        + " [" + name + "] in pjsip.conf"));
    }

    private static Set<String> classes(Section user, String key, List<String> problems) {
        Set<String> classes = new TreeSet<>();
        user.all(key).forEach(v -> Arrays.stream(v.split(",")).map(String::strip).forEach(classes::add));
        classes.stream().filter(c -> !DialplanAsterisk22.AMI_CLASSES.contains(c) || c.equals("all"))
                .forEach(c -> problems.add(user.where() + ": " + key + " class '" + c + "' is unknown or too wide"));
        return classes;
    }

    /** manager.conf ACLs apply in order: everything denied first, then loopback permitted. */
    private static void checkLoopbackOnly(Section user, List<String> problems) {
        List<Entry> acl = user.entries().stream()
                .filter(e -> e.key().equalsIgnoreCase("deny") || e.key().equalsIgnoreCase("permit")).toList();
        if (acl.isEmpty() || !acl.getFirst().key().equalsIgnoreCase("deny")
                || !acl.getFirst().value().startsWith("0.0.0.0/0")) {
            problems.add(user.where() + ": [" + user.name() + "] must start its ACL with deny = 0.0.0.0/0.0.0.0");
        }
        acl.stream().filter(e -> e.key().equalsIgnoreCase("permit")).filter(e -> !e.value().startsWith("127."))
                .forEach(e -> problems.add(e.where() + ": permit = " + e.value() + " is not loopback (" + DOCS
                        + ": loopback only)"));
        if (acl.stream().noneMatch(e -> e.key().equalsIgnoreCase("permit"))) {
            problems.add(user.where() + ": [" + user.name() + "] permits no address");
        }
    }

    // ---- files

    private static boolean says(DialplanConf conf, String section, String key, String value) {
        return conf.section(section).flatMap(s -> s.get(key)).map(value::equalsIgnoreCase).orElse(false);
    }

    private static String text(Call call) {
        return call.app() + "(" + call.args() + ")";
    }

    private static List<Path> confFiles(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".conf")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        return String.join("\n", DialplanInstall.lines(file));
    }
}
