package org.helpline.guidance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.helpline.guidance.GuidanceReader.Read;
import org.helpline.guidance.GuidanceReader.Sourced;

/**
 * Everything that must hold before guidance reaches an operator: every text in every language, every
 * reference (step, script, indicator, exit kind) pointing at something that exists, every contact entry
 * with its source and the date it was checked, every step reached from its script's start and leading to
 * an end, and no loop that only a question could leave but that has none.
 */
final class GuidanceCheck {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ]{1,24}");

    private final Read read;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> languages;
    private final Map<String, Sourced<Script>> scripts = new LinkedHashMap<>();
    private final Set<String> indicatorIds = new HashSet<>();
    private final Set<String> groupIds = new HashSet<>();
    private final Set<String> exitKinds = new HashSet<>();
    private boolean abroadIsValid;

    private GuidanceCheck(Read read) {
        this.read = read;
        this.languages = read.index() == null ? List.of() : read.index().languages();
    }

    static List<Problem> of(Read read) {
        GuidanceCheck check = new GuidanceCheck(read);
        check.run();
        return check.problems;
    }

    private void run() {
        read.scripts().forEach(s -> {
            if (s.value().id() != null && scripts.putIfAbsent(s.value().id(), s) != null) {
                problems.add(new Problem(s.file(), s.value().id(), null, "another file already has a script with this id"));
            }
        });
        if (read.indicators() != null) {
            indicators(file(GuidanceReader.INDICATORS), read.indicators().groups());
        }
        if (read.index() != null) {
            index(file(GuidanceReader.INDEX), read.index());
        }
        if (read.replies() != null) {
            replies(file(GuidanceReader.REPLIES), read.replies().replies());
        }
        if (read.abroad() != null) {
            abroad(file(GuidanceReader.ABROAD), read.abroad());
        }
        read.countries().forEach(c -> country(c.file(), c.value()));
        read.scripts().forEach(s -> script(s.file(), s.value()));
        if (problems.isEmpty()) {
            new ScriptGraph().check();
        }
    }

    private String file(String name) {
        return read.directory() + "/" + name;
    }

    private void index(String file, GuidanceIndex index) {
        if (languages.isEmpty()) {
            problems.add(Problem.inFile(file, "languages: list the languages every text is written in, e.g. [ro, en]"));
        }
        languages.forEach(l -> require(LANGUAGE.matcher(l).matches(), file, null, null,
                "languages: '" + l + "' is not a language code such as ro or en"));
        require(index.defaultScript() != null && scripts.containsKey(index.defaultScript()), file, null, null,
                "defaultScript: '" + index.defaultScript() + "' is not a script in scripts/");
        require(index.urgentScript() != null && scripts.containsKey(index.urgentScript()), file, null, null,
                "urgentScript: '" + index.urgentScript() + "' is not a script in scripts/");
        index.topics().forEach((topic, script) -> {
            require(ID.matcher(topic).matches(), file, null, null, "topics: '" + topic + "' must be lower-case letters, digits and _");
            require(scripts.containsKey(script), file, null, null, "topics." + topic + ": '" + script + "' is not a script in scripts/");
        });
        labels(file, "exitKinds", index.exitKinds(), exitKinds);
        labels(file, "tags", index.tags(), new HashSet<>());
        complete(file, null, null, "unconfirmed", index.unconfirmed());
    }

    private void labels(String file, String list, List<Label> labels, Set<String> ids) {
        for (Label label : labels) {
            String where = list + " '" + label.id() + "'";
            if (validId(file, null, null, list, label.id())) {
                require(ids.add(label.id()), file, null, null, where + " is listed twice");
                complete(file, null, null, where + ".label", label.label());
            }
        }
    }

    private void indicators(String file, List<IndicatorGroup> groups) {
        if (groups.isEmpty()) {
            problems.add(Problem.inFile(file, "groups: list at least one group of indicators"));
        }
        for (IndicatorGroup group : groups) {
            if (!validId(file, null, null, "group", group.id())) {
                continue;
            }
            require(groupIds.add(group.id()), file, null, null, "group '" + group.id() + "' is listed twice");
            complete(file, null, null, "group '" + group.id() + "'.title", group.title());
            if (group.note() != null) {
                complete(file, null, null, "group '" + group.id() + "'.note", group.note());
            }
            require(!group.indicators().isEmpty(), file, null, null, "group '" + group.id() + "' has no indicators");
            for (IndicatorGroup.Indicator indicator : group.indicators()) {
                String where = "indicator '" + indicator.id() + "'";
                if (validId(file, null, null, "indicator", indicator.id())) {
                    require(indicatorIds.add(indicator.id()) && !groupIds.contains(indicator.id()), file, null, null,
                            where + " is listed twice (ids must be unique across groups)");
                    complete(file, null, null, where + ".text", indicator.text());
                }
            }
        }
        groupIds.forEach(g -> require(!indicatorIds.contains(g), file, null, null, "'" + g + "' is both a group and an indicator"));
    }

    private void replies(String file, List<Reply> replies) {
        Set<String> ids = new HashSet<>();
        for (Reply reply : replies) {
            String where = "reply '" + reply.id() + "'";
            if (validId(file, null, null, "reply", reply.id())) {
                require(ids.add(reply.id()), file, null, null, where + " is listed twice");
                complete(file, null, null, where + ".label", reply.label());
                complete(file, null, null, where + ".text", reply.text());
            }
        }
    }

    private void country(String file, Country country) {
        String expected = fileStem(file).toUpperCase(java.util.Locale.ROOT);
        if (country.code() == null || !COUNTRY.matcher(country.code()).matches()) {
            problems.add(Problem.inFile(file, "code: '" + country.code() + "' is not a two-letter country code such as DE (in quotes: code: \"NO\" would otherwise read as false)"));
            return;
        }
        require(country.code().equals(expected), file, null, null,
                "code " + country.code() + " does not match the file name (expected " + expected + ")");
        complete(file, null, null, "name", country.name());
        require(!country.options().isEmpty(), file, null, null, "options: list at least one exit option");
        require(country.options().stream().anyMatch(o -> "emergency".equals(o.kind()) && o.phone() != null), file, null, null,
                "options: list the emergency number (kind: emergency, with its phone): the first call in danger");
        exitOptions(file, country.options(), "another entry of this country has the same id");
        if (abroadIsValid) {
            read.abroad().problemsIn(country).forEach(problem -> problems.add(Problem.inFile(file, problem)));
        }
    }

    /** The shared entries are checked as a country's are, once, in their own file. */
    private void abroad(String file, AbroadEntries abroad) {
        int before = problems.size();
        exitOptions(file, abroad.options(), "another shared entry has the same id");
        abroadIsValid = problems.size() == before;
    }

    /** A file's list of exit options: each one valid, no id twice. */
    private void exitOptions(String file, List<Country.ExitOption> options, String sameId) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < options.size(); i++) {
            Country.ExitOption option = options.get(i);
            String where = "options[" + i + "] (" + option.id() + ")";
            if (validId(file, null, null, where + ".id", option.id())) {
                require(ids.add(option.id()), file, null, null, where + ": " + sameId);
            }
            exitOption(file, where, option);
        }
    }

    private void exitOption(String file, String where, Country.ExitOption option) {
        require(option.kind() != null && exitKinds.contains(option.kind()), file, null, null,
                where + ": kind '" + option.kind() + "' is not one of the exitKinds in guidance.yaml");
        complete(file, null, null, where + ".name", option.name());
        complete(file, null, null, where + ".text", option.text());
        complete(file, null, null, where + ".message", option.message());
        if (option.hours() != null) {
            complete(file, null, null, where + ".hours", option.hours());
        }
        if ("embassy".equals(option.kind()) || option.city() != null) {
            complete(file, null, null, where + ".city (the city of the embassy or consulate)", option.city());
        }
        option.languages().forEach(l -> require(LANGUAGE.matcher(l).matches(), file, null, null,
                where + ": languages: '" + l + "' is not a language code such as ro, en or cs"));
        require(option.source() != null && !option.source().isBlank(), file, null, null,
                where + ": source is missing: say where this comes from");
        require(Country.ExitOption.SOURCE_TYPES.contains(option.sourceType()), file, null, null,
                where + ": sourceType '" + option.sourceType() + "' must be one of " + String.join(", ", Country.ExitOption.SOURCE_TYPES));
        require(option.checked() != null, file, null, null,
                where + ": checked is missing: the date it was last checked, e.g. 2026-11-22");
        require(option.verified() != null, file, null, null,
                where + ": verified is missing: true only when confirmed; false shows it as \"to be confirmed\"");
        require(!Boolean.TRUE.equals(option.verified()) || "official".equals(option.sourceType()), file, null, null,
                where + ": verified: true needs an official source (sourceType: official); a reprint or a secondary "
                        + "source stays verified: false and is shown \"to be confirmed\"");
        require(!Boolean.FALSE.equals(option.verified()) || option.checkAt() != null || option.phone() == null, file, null, null,
                where + ": a number not confirmed needs checkAt: where the operator checks it live before giving it");
        require(option.phone() == null || PHONE.matcher(option.phone()).matches(), file, null, null,
                where + ": phone '" + option.phone() + "' must be digits and spaces, with + for an international number");
    }

    private void script(String file, Script script) {
        String id = script.id();
        if (!validId(file, null, null, "id", id)) {
            return;
        }
        require(id.equals(fileStem(file)), file, id, null, "the id must match the file name (" + fileStem(file) + ".yaml)");
        complete(file, id, null, "title", script.title());
        if (script.summary() != null) {
            complete(file, id, null, "summary", script.summary());
        }
        require(script.referral().equals("never") || script.referral().equals("possible"), file, id, null,
                "referral: '" + script.referral() + "' must be never or possible");
        require(!script.steps().isEmpty(), file, id, null, "steps: a script needs steps");
        Set<String> stepIds = new HashSet<>();
        for (Step step : script.steps()) {
            if (validId(file, id, null, "step id", step.id())) {
                require(stepIds.add(step.id()), file, id, step.id(), "another step has the same id");
            }
        }
        require(script.start() != null && stepIds.contains(script.start()), file, id, null,
                "start: '" + script.start() + "' is not a step of this script");
        script.steps().forEach(step -> step(file, script, stepIds, step));
    }

    private void step(String file, Script script, Set<String> stepIds, Step step) {
        String id = script.id();
        String at = step.id();
        if (step.type() == null) {
            problems.add(new Problem(file, id, at, "type is missing: ask, say, checklist, branch, exits, referral or end"));
            return;
        }
        complete(file, id, at, "text", step.text());
        if (step.reply() != null) {
            complete(file, id, at, "reply", step.reply());
        }
        StepType type = step.type();
        allowed(file, id, at, !step.answers().isEmpty(), type == StepType.ASK, "answers", "ask");
        allowed(file, id, at, !step.indicators().isEmpty(), type == StepType.CHECKLIST, "indicators", "checklist");
        allowed(file, id, at, !step.cases().isEmpty() || step.otherwise() != null, type == StepType.BRANCH, "cases and otherwise", "branch");
        allowed(file, id, at, !step.exits().isEmpty(), type == StepType.EXITS, "exits", "exits");
        allowed(file, id, at, step.route() != null, type == StepType.REFERRAL, "route", "referral");
        boolean goesOnByItself = type != StepType.ASK && type != StepType.BRANCH && type != StepType.END;
        if (goesOnByItself) {
            require(step.next() != null, file, id, at, "next is missing: name the step that follows (or use an end step)");
        } else if (step.next() != null) {
            problems.add(new Problem(file, id, at, "next does not belong on " + type.json() + " step"
                    + (type == StepType.END ? "" : "s: they go on through their " + (type == StepType.ASK ? "answers" : "cases"))));
        }
        switch (type) {
            case ASK -> {
                require(!step.answers().isEmpty(), file, id, at, "answers: an ask step needs at least one answer");
                Set<String> answerIds = new HashSet<>();
                for (Step.Answer answer : step.answers()) {
                    if (validId(file, id, at, "answer", answer.id())) {
                        require(answerIds.add(answer.id()), file, id, at, "answer '" + answer.id() + "' is listed twice");
                        complete(file, id, at, "answer '" + answer.id() + "'.label", answer.label());
                        target(file, id, at, stepIds, "answer '" + answer.id() + "'.next", answer.next());
                        established(file, id, at, "answer '" + answer.id() + "'.establishes", answer.establishes());
                    }
                }
            }
            case BRANCH -> {
                require(!step.cases().isEmpty(), file, id, at, "cases: a branch step needs at least one case");
                for (int index = 0; index < step.cases().size(); index++) {
                    int i = index;
                    Step.Case branch = step.cases().get(i);
                    require(!branch.ticked().isEmpty(), file, id, at, "cases[" + i + "].ticked: name the indicators or groups it looks at");
                    branch.ticked().forEach(ref -> indicatorRef(file, id, at, "cases[" + i + "].ticked", ref));
                    require(branch.atLeast() >= 1, file, id, at, "cases[" + i + "].atLeast must be 1 or more");
                    target(file, id, at, stepIds, "cases[" + i + "].next", branch.next());
                }
                target(file, id, at, stepIds, "otherwise", step.otherwise());
            }
            case CHECKLIST -> {
                require(!step.indicators().isEmpty(), file, id, at, "indicators: a checklist step needs indicators or groups");
                step.indicators().forEach(ref -> indicatorRef(file, id, at, "indicators", ref));
            }
            case EXITS -> {
                require(!step.exits().isEmpty(), file, id, at, "exits: name the kinds of exit option to show");
                step.exits().forEach(kind -> require(exitKinds.contains(kind), file, id, at,
                        "exits: '" + kind + "' is not one of the exitKinds in guidance.yaml"));
            }
            case REFERRAL -> {
                require(step.route() != null, file, id, at, "route is missing: adult, child or notification");
                require(!script.neverRefers(), file, id, at, "this script says referral: never, so it may not have a referral step");
            }
            case SAY, END -> {
            }
        }
        if (goesOnByItself && step.next() != null) {
            target(file, id, at, stepIds, "next", step.next());
        }
        established(file, id, at, "establishes", step.establishes());
    }

    /** The values the referral request accepts; a missing child is never an adult. */
    private void established(String file, String script, String step, String field, Established facts) {
        if (facts == null) {
            return;
        }
        require(!facts.facts().isEmpty(), file, script, step, field + ": name at least one of age, urgency, consent, "
                + "basis, missingChild, needs, kind");
        oneOf(file, script, step, field + ".age", facts.age(), Established.AGES);
        oneOf(file, script, step, field + ".urgency", facts.urgency(), Established.URGENCIES);
        oneOf(file, script, step, field + ".consent", facts.consent(), Established.CONSENTS);
        oneOf(file, script, step, field + ".basis", facts.basis(), Established.BASES);
        require(!(Boolean.TRUE.equals(facts.missingChild()) && "adult".equals(facts.age())), file, script, step,
                field + ": a missing child is not an adult");
        facts.needs().forEach(need -> validId(file, script, step, field + ".needs", need));
        if (facts.kind() != null) {
            validId(file, script, step, field + ".kind", facts.kind());
        }
    }

    private void oneOf(String file, String script, String step, String field, String value, List<String> allowed) {
        require(value == null || allowed.contains(value), file, script, step,
                field + ": '" + value + "' is not one of " + String.join(", ", allowed));
    }

    private void target(String file, String script, String step, Set<String> stepIds, String field, String target) {
        if (target == null) {
            problems.add(new Problem(file, script, step, field + " is missing"));
        } else if (target.startsWith(Step.SCRIPT_PREFIX)) {
            String other = target.substring(Step.SCRIPT_PREFIX.length());
            require(scripts.containsKey(other), file, script, step, field + ": there is no script '" + other + "'");
        } else {
            require(stepIds.contains(target), file, script, step, field + ": '" + target + "' is not a step of this script"
                    + " (write script:ID to go on in another script)");
        }
    }

    private void indicatorRef(String file, String script, String step, String field, String ref) {
        require(indicatorIds.contains(ref) || groupIds.contains(ref), file, script, step,
                field + ": '" + ref + "' is not an indicator or group in indicators.yaml");
    }

    private void allowed(String file, String script, String step, boolean present, boolean belongs, String field, String type) {
        require(!present || belongs, file, script, step, field + " only belong on " + type + " steps");
    }

    private boolean validId(String file, String script, String step, String what, String id) {
        boolean valid = id != null && ID.matcher(id).matches();
        require(valid, file, script, step, what + " '" + id + "' must be lower-case letters, digits and _ (starting with a letter)");
        return valid;
    }

    private void complete(String file, String script, String step, String field, Text text) {
        if (text == null) {
            problems.add(new Problem(file, script, step, field + " is missing"));
            return;
        }
        for (String language : languages) {
            require(text.isCompleteIn(language), file, script, step, field + " has no " + language + " text");
        }
        text.byLanguage().keySet().forEach(language -> require(languages.contains(language), file, script, step,
                field + " is written in '" + language + "', which is not in guidance.yaml's languages"));
    }

    private void require(boolean condition, String file, String script, String step, String message) {
        if (!condition) {
            problems.add(new Problem(file, script, step, message));
        }
    }

    private static String fileStem(String file) {
        String name = file.substring(file.lastIndexOf('/') + 1);
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }

    /** The steps of all scripts as one graph: {@code script:ID} leads to that script's start. */
    private final class ScriptGraph {
        private final Map<String, Step> steps = new LinkedHashMap<>();
        private final Map<String, List<String>> edges = new HashMap<>();

        ScriptGraph() {
            scripts.values().forEach(sourced -> sourced.value().steps().forEach(step -> {
                String node = node(sourced.value().id(), step.id());
                steps.put(node, step);
                edges.put(node, step.successors().stream().map(t -> resolve(sourced.value().id(), t)).toList());
            }));
        }

        void check() {
            scripts.values().forEach(this::reachedFromStart);
            Set<String> leadToAnEnd = leadToAnEnd();
            steps.keySet().stream().filter(node -> !leadToAnEnd.contains(node)).forEach(node ->
                    problem(node, "never reaches an end step: every way on from here loops back"));
            loopsWithoutAQuestion();
        }

        private void reachedFromStart(Sourced<Script> sourced) {
            Script script = sourced.value();
            Set<String> reached = new HashSet<>();
            List<String> todo = new ArrayList<>(List.of(node(script.id(), script.start())));
            while (!todo.isEmpty()) {
                String node = todo.removeLast();
                if (node.startsWith(script.id() + "/") && reached.add(node)) {
                    todo.addAll(edges.getOrDefault(node, List.of()));
                }
            }
            script.steps().stream().filter(s -> !reached.contains(node(script.id(), s.id()))).forEach(s ->
                    problems.add(new Problem(sourced.file(), script.id(), s.id(), "is never reached from the start step '" + script.start() + "'")));
        }

        private Set<String> leadToAnEnd() {
            Set<String> done = new HashSet<>();
            steps.forEach((node, step) -> {
                if (step.type() == StepType.END) {
                    done.add(node);
                }
            });
            boolean grew = true;
            while (grew) {
                grew = false;
                for (String node : steps.keySet()) {
                    if (!done.contains(node) && edges.get(node).stream().anyMatch(done::contains)) {
                        done.add(node);
                        grew = true;
                    }
                }
            }
            return done;
        }

        /** A loop through steps that go on by themselves (no question) would never stop. */
        private void loopsWithoutAQuestion() {
            Map<String, Integer> state = new HashMap<>();
            for (String node : steps.keySet()) {
                visit(node, state, new ArrayList<>());
            }
        }

        private void visit(String node, Map<String, Integer> state, List<String> trail) {
            Step step = steps.get(node);
            if (step == null || step.type() == StepType.ASK || state.getOrDefault(node, 0) == 2) {
                return;
            }
            if (state.getOrDefault(node, 0) == 1) {
                List<String> loop = trail.subList(trail.indexOf(node), trail.size());
                problem(node, "loops back to itself without a question to leave the loop: " + String.join(" → ", loop) + " → " + node);
                return;
            }
            state.put(node, 1);
            trail.add(node);
            for (String next : edges.get(node)) {
                visit(next, state, trail);
            }
            trail.removeLast();
            state.put(node, 2);
        }

        private void problem(String node, String message) {
            String script = node.substring(0, node.indexOf('/'));
            problems.add(new Problem(scripts.get(script).file(), script, node.substring(node.indexOf('/') + 1), message));
        }

        private String resolve(String script, String target) {
            if (target.startsWith(Step.SCRIPT_PREFIX)) {
                String other = target.substring(Step.SCRIPT_PREFIX.length());
                return node(other, scripts.get(other).value().start());
            }
            return node(script, target);
        }

        private static String node(String script, String step) {
            return script + "/" + step;
        }
    }
}
