package org.helpline.guidance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The guidance in use: validated, immutable, replaced as a whole on reload.
 *
 * @param scripts   by id, in file-name order
 * @param countries by ISO code, in file-name order, each with the shared entries of {@code abroad} in their place
 * @param abroad    the entries every country abroad shows alike, as abroad.yaml holds them
 * @param version   a short digest of the files' content: changes whenever any file does
 */
public record Guidance(GuidanceIndex index, List<IndicatorGroup> indicatorGroups, List<Reply> replies,
                       Map<String, Script> scripts, Map<String, Country> countries, AbroadEntries abroad, String version) {
    public Guidance {
        indicatorGroups = List.copyOf(indicatorGroups);
        replies = List.copyOf(replies);
        scripts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scripts));
        countries = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(countries));
    }

    public Optional<Script> script(String id) {
        return Optional.ofNullable(scripts.get(id));
    }

    public Optional<Country> country(String code) {
        return Optional.ofNullable(code == null ? null : countries.get(code.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The directory entries of the helpline's own numbers, which callers' pages show: from Romania, from abroad. */
    public static final Map<String, String> HELPLINE_LINES = Map.of("fromRomania", "ro_anitp", "fromAbroad", "ro_helpline_abroad");

    /**
     * The entry of abroad.yaml a country shows under this id (e.g. {@code anitp_abroad} for DK's {@code dk_anitp_abroad});
     * empty for an entry of the country's own file.
     */
    public Optional<Country.ExitOption> sharedEntry(String code, String optionId) {
        return abroad.entryShownAs(code.toUpperCase(java.util.Locale.ROOT), optionId);
    }

    /** The helpline's own numbers as the directory holds them now (confirmed or not), by {@link #HELPLINE_LINES}' names. */
    public Map<String, Country.ExitOption> helplineLines() {
        Map<String, Country.ExitOption> lines = new java.util.TreeMap<>();
        country("RO").ifPresent(ro -> HELPLINE_LINES.forEach((name, id) -> ro.option(id).ifPresent(o -> lines.put(name, o))));
        return lines;
    }

    /** The script a contact starts with: the urgent script when in danger, else by topic, else the default. */
    public Script scriptFor(String topic, boolean urgent) {
        String id = urgent ? index.urgentScript() : index.topics().getOrDefault(topic, index.defaultScript());
        return scripts.get(id);
    }

    /** The exit-option entries last checked before {@code due}, oldest first: supervisors see them flagged. */
    public List<Overdue> checkedBefore(java.time.LocalDate due) {
        return countries.values().stream()
                .flatMap(country -> country.options().stream().filter(o -> o.checkedBefore(due)).map(o -> new Overdue(country, o)))
                .sorted(java.util.Comparator.comparing((Overdue o) -> o.option().checked()))
                .toList();
    }

    /** An entry due for a re-check, with its country. */
    public record Overdue(Country country, Country.ExitOption option) {
    }

    /** The indicator ids an id stands for: a group's indicators, or the indicator itself. */
    public Set<String> indicatorsOf(String id) {
        Set<String> ids = new LinkedHashSet<>();
        for (IndicatorGroup group : indicatorGroups) {
            if (group.id().equals(id)) {
                group.indicators().forEach(i -> ids.add(i.id()));
            } else {
                group.indicators().stream().filter(i -> i.id().equals(id)).forEach(i -> ids.add(i.id()));
            }
        }
        return ids;
    }
}
