package org.helpline.guidance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Ways out for someone in one country: emergency number, Romanian missions, the helpline, child lines,
 * worker counselling. {@code code} is the ISO 3166 code (RO, DE, GB, ...) and the file's name.
 *
 * @param abroad  the values the entries of {@link AbroadEntries} name in their texts, e.g. {@code mission}
 * @param options once loaded, with the shared entries of {@link AbroadEntries} in their place
 */
public record Country(String code, Text name, Map<String, Text> abroad, List<ExitOption> options) {
    public Country {
        abroad = abroad == null ? Map.of() : abroad.entrySet().stream().filter(value -> value.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        options = options == null ? List.of() : List.copyOf(options);
    }

    public List<ExitOption> of(String kind) {
        return options.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    public Optional<ExitOption> option(String id) {
        return options.stream().filter(o -> o.id().equals(id)).findFirst();
    }

    /**
     * One contact entry. Nothing here is shown as certain unless {@code verified}, and only an entry from an
     * official source may be verified: anything weaker is shown "to be confirmed", because a wrong number
     * given to someone in danger is worse than none.
     *
     * @param id         unique within the country; names the entry in the re-check API
     * @param kind       an exit kind listed in guidance.yaml (emergency, embassy, helpline, ...)
     * @param name       who or what it is
     * @param city       where it is (required for an embassy or consulate)
     * @param phone      the number to dial, as the source gives it; absent when no source gives one
     * @param hours      when the number answers, when the source says
     * @param free       whether the call is free; absent when the source does not say
     * @param languages  the languages it answers in (ISO 639 codes), when the source says
     * @param checkAt    where the operator checks the entry live before giving it (e.g. berlin.mae.ro)
     * @param text       for the operator: how to reach it, what it can and cannot do
     * @param message    the sentence "Insert into message" writes, in the contact's language
     * @param source     where the fact comes from
     * @param sourceType official, official_reprint, secondary or none (see {@link #SOURCE_TYPES})
     * @param sourceDate the date the source shows ("undated" when it shows none)
     * @param checked    the date someone last checked it against the source
     * @param checkedBy  who did (absent for the first research)
     * @param verified   false while the fact is not confirmed by an official source
     */
    public record ExitOption(String id, String kind, Text name, Text city, String phone, Text hours, Boolean free,
                             List<String> languages, String checkAt, Text text, Text message, String source,
                             String sourceType, String sourceDate, LocalDate checked, String checkedBy,
                             Boolean verified) {
        /** Official: a government, EU or UN body, a mission, or the service itself. The others stay "to be confirmed". */
        public static final List<String> SOURCE_TYPES = List.of("official", "official_reprint", "secondary", "none");

        public ExitOption {
            languages = languages == null ? List.of() : List.copyOf(languages);
        }

        /** Not re-checked since {@code due}: supervisors see it flagged. */
        public boolean checkedBefore(LocalDate due) {
            return checked != null && checked.isBefore(due);
        }
    }
}
