package org.helpline.guidance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers and hours in scripts and replies come from the exit-options directory, the one place they are kept: a
 * text writes {@code {phone:RO/ro_anitp}} or {@code {hours:RO/ro_anitp}} and reads that entry's number or hours,
 * followed by guidance.yaml's {@code unconfirmed} words ("(to be confirmed)") while the entry is not confirmed.
 * A supervisor's re-check of the entry confirms it in every text at once; a text that names an unconfirmed entry
 * is shown "to be confirmed" itself.
 */
final class DirectoryText {
    static final Pattern REFERENCE = Pattern.compile("\\{(phone|hours):([A-Z]{2})/([a-z0-9_]+)}");

    private final Map<String, Country> countries;
    private final Text unconfirmed;

    DirectoryText(Map<String, Country> countries, Text unconfirmed) {
        this.countries = countries;
        this.unconfirmed = unconfirmed;
    }

    /** What is wrong with the references of a text: an entry that does not exist, or lacks the fact named. */
    List<String> problems(Text text) {
        List<String> problems = new ArrayList<>();
        if (text == null) {
            return problems;
        }
        for (String written : text.byLanguage().values()) {
            Matcher reference = REFERENCE.matcher(written);
            while (reference.find()) {
                Optional<Country.ExitOption> entry = entry(reference);
                if (entry.isEmpty()) {
                    problems.add(reference.group() + ": no entry " + reference.group(3) + " in countries/"
                            + reference.group(2).toLowerCase(java.util.Locale.ROOT) + ".yaml");
                } else if (reference.group(1).equals("phone") ? entry.get().phone() == null : entry.get().hours() == null) {
                    problems.add(reference.group() + ": the entry has no " + reference.group(1));
                }
            }
        }
        return problems;
    }

    /** The text with each reference replaced by the entry's fact in that language, marked while it is not confirmed. */
    Text resolve(Text text) {
        if (text == null || !mentions(text)) {
            return text;
        }
        Map<String, String> resolved = new LinkedHashMap<>();
        text.byLanguage().forEach((language, written) -> {
            Matcher reference = REFERENCE.matcher(written);
            StringBuilder out = new StringBuilder();
            while (reference.find()) {
                Country.ExitOption entry = entry(reference).orElseThrow();
                String fact = reference.group(1).equals("phone") ? entry.phone() : entry.hours().in(language, "en");
                if (!Boolean.TRUE.equals(entry.verified())) {
                    fact += " " + unconfirmed.in(language, "en");
                }
                reference.appendReplacement(out, Matcher.quoteReplacement(fact));
            }
            reference.appendTail(out);
            resolved.put(language, out.toString());
        });
        return new Text(resolved);
    }

    /** Whether every entry the text names is confirmed (a text without references is). */
    boolean confirmed(Text text) {
        if (text == null) {
            return true;
        }
        return text.byLanguage().values().stream().allMatch(written -> REFERENCE.matcher(written).results()
                .allMatch(found -> entry(REFERENCE.matcher(found.group())).filter(e -> Boolean.TRUE.equals(e.verified())).isPresent()));
    }

    private static boolean mentions(Text text) {
        return text.byLanguage().values().stream().anyMatch(written -> REFERENCE.matcher(written).find());
    }

    private Optional<Country.ExitOption> entry(Matcher reference) {
        if (!reference.hasMatch() && !reference.matches()) {
            return Optional.empty();
        }
        Country country = countries.get(reference.group(2));
        return country == null ? Optional.empty() : country.option(reference.group(3));
    }

    /** A step with its texts resolved; "to be confirmed" when it names an entry that is not. */
    Step resolve(Step step) {
        boolean confirmed = confirmed(step.text()) && confirmed(step.reply());
        return new Step(step.id(), step.type(), resolve(step.text()), resolve(step.reply()), step.answers(), step.indicators(),
                step.cases(), step.otherwise(), step.exits(), step.route(), step.next(), step.verified() && confirmed,
                step.establishes());
    }

    Script resolve(Script script) {
        return new Script(script.id(), script.title(), script.summary(), script.referral(), script.start(),
                script.steps().stream().map(this::resolve).toList());
    }

    Reply resolve(Reply reply) {
        return new Reply(reply.id(), reply.label(), resolve(reply.text()), reply.verified() && confirmed(reply.text()));
    }
}
