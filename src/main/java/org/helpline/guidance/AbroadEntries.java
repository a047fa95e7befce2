package org.helpline.guidance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code abroad.yaml}: the exit options every country abroad shows alike (the helpline's number from abroad, the
 * foreign ministry's 24/7 centre), kept once so that a correction or a re-check reaches every country at once
 * instead of one copy being missed. Every country file but the home country's shows them right after its
 * emergency number, each as {@code <code>_<id>} (e.g. {@code dk_anitp_abroad}). A text may name a value the
 * country gives in its own {@code abroad:} field, e.g. {@code {mission}}: the mission whose switchboard reaches
 * the ministry's centre.
 */
public record AbroadEntries(List<Country.ExitOption> options) {
    public static final String FILE = "abroad.yaml";
    /** The helpline's own country: its callers are at home, and its file lists the helpline's numbers itself. */
    static final String HOME = "RO";
    /** The shared entries follow the country's entries of this kind: the first call in danger stays first. */
    static final String SHOWN_AFTER = "emergency";
    private static final Pattern VALUE = Pattern.compile("\\{([a-z][A-Za-z0-9]*)}");

    public AbroadEntries {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** The country with the shared entries in their place, its values filled in; the home country as it is. */
    Country shownIn(Country country) {
        if (country.code().equals(HOME)) {
            return country;
        }
        List<Country.ExitOption> shown = new ArrayList<>(country.options());
        int at = 0;
        for (int i = 0; i < shown.size(); i++) {
            if (shown.get(i).kind().equals(SHOWN_AFTER)) {
                at = i + 1;
            }
        }
        shown.addAll(at, options.stream().map(entry -> filled(entry, country)).toList());
        return new Country(country.code(), country.name(), country.abroad(), shown);
    }

    /** The shared entry a country shows under this id, as abroad.yaml holds it. */
    Optional<Country.ExitOption> entryShownAs(String countryCode, String optionId) {
        if (countryCode.equals(HOME)) {
            return Optional.empty();
        }
        return options.stream().filter(entry -> idIn(countryCode, entry).equals(optionId)).findFirst();
    }

    /**
     * What keeps a country file from showing the shared entries: a value a shared text names that the file lacks
     * (in a language the text is written in), a value nothing names (a typo), or an entry of its own with the id or
     * the very content of a shared one (a copy would not follow the next correction).
     */
    List<String> problemsIn(Country country) {
        List<String> problems = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>();
        boolean home = country.code().equals(HOME);
        for (Country.ExitOption entry : home ? List.<Country.ExitOption>of() : options) {
            String shownAs = idIn(country.code(), entry);
            texts(entry).forEach((field, text) -> text.byLanguage().forEach((language, written) -> {
                Matcher value = VALUE.matcher(written);
                while (value.find()) {
                    named.add(value.group(1));
                    Text given = country.abroad().get(value.group(1));
                    if (given == null || !given.isCompleteIn(language)) {
                        problems.add("abroad." + value.group(1) + (given == null ? " is missing" : " has no " + language + " text")
                                + ": " + FILE + "'s entry '" + entry.id() + "' (shown here as " + shownAs + ") writes "
                                + value.group() + " in its " + field + " (" + language + ")");
                    }
                }
            }));
        }
        country.abroad().keySet().stream().filter(name -> !named.contains(name)).forEach(name -> problems.add("abroad." + name
                + (home ? ": the home country does not show " + FILE + "'s entries" : ": no entry of " + FILE + " writes {" + name + "}")));
        if (!home && problems.isEmpty()) {
            for (int i = 0; i < country.options().size(); i++) {
                Country.ExitOption own = country.options().get(i);
                for (Country.ExitOption entry : options) {
                    Country.ExitOption shown = filled(entry, country);
                    if (own.id().equals(shown.id()) || withId(own, shown.id()).equals(shown)) {
                        problems.add("options[" + i + "] (" + own.id() + "): " + (own.id().equals(shown.id())
                                ? "has the id of " + FILE + "'s entry '" + entry.id() + "', which every country shows"
                                : "is a copy of " + FILE + "'s entry '" + entry.id() + "', which every country shows as " + shown.id())
                                + ": delete it here and correct " + FILE + " instead");
                    }
                }
            }
        }
        return problems;
    }

    private static String idIn(String countryCode, Country.ExitOption entry) {
        return countryCode.toLowerCase(Locale.ROOT) + "_" + entry.id();
    }

    private static Country.ExitOption filled(Country.ExitOption o, Country country) {
        return new Country.ExitOption(idIn(country.code(), o), o.kind(), fill(o.name(), country), fill(o.city(), country), o.phone(),
                fill(o.hours(), country), o.free(), o.languages(), o.checkAt(), fill(o.text(), country), fill(o.message(), country),
                o.source(), o.sourceType(), o.sourceDate(), o.checked(), o.checkedBy(), o.verified());
    }

    private static Country.ExitOption withId(Country.ExitOption o, String id) {
        return new Country.ExitOption(id, o.kind(), o.name(), o.city(), o.phone(), o.hours(), o.free(), o.languages(), o.checkAt(),
                o.text(), o.message(), o.source(), o.sourceType(), o.sourceDate(), o.checked(), o.checkedBy(), o.verified());
    }

    private static Text fill(Text text, Country country) {
        if (text == null) {
            return null;
        }
        Map<String, String> filled = new LinkedHashMap<>();
        text.byLanguage().forEach((language, written) -> filled.put(language, VALUE.matcher(written).replaceAll(value ->
                Matcher.quoteReplacement(country.abroad().get(value.group(1)).byLanguage().get(language)))));
        return new Text(filled);
    }

    /** The texts of an entry by field name, those it has. */
    private static Map<String, Text> texts(Country.ExitOption o) {
        Map<String, Text> texts = new LinkedHashMap<>();
        texts.put("name", o.name());
        texts.put("city", o.city());
        texts.put("hours", o.hours());
        texts.put("text", o.text());
        texts.put("message", o.message());
        texts.values().removeIf(Objects::isNull);
        return texts;
    }
}
