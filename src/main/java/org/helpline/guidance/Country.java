package org.helpline.guidance;

import java.time.LocalDate;
import java.util.List;

/**
 * Ways out for someone in one country: emergency number, Romanian missions, the helpline, child lines,
 * worker counselling. {@code code} is the ISO 3166 code (RO, DE, GB, ...) and the file's name.
 */
public record Country(String code, Text name, List<ExitOption> options) {
    public Country {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public List<ExitOption> of(String kind) {
        return options.stream().filter(o -> o.kind().equals(kind)).toList();
    }

    /**
     * One contact entry. Nothing here is shown as certain unless {@code verified}: an unverified entry is
     * shown "to be confirmed", because a wrong number given to someone in danger is worse than none.
     *
     * @param kind     an exit kind listed in guidance.yaml (emergency, embassy, helpline, ...)
     * @param name     who or what it is
     * @param phone    the number to dial, when the helpline has one from a checked source; otherwise absent
     * @param text     how to reach it and what it can do
     * @param source   where the fact comes from
     * @param checked  the date someone last checked it against the source
     * @param verified false while the fact is not confirmed
     */
    public record ExitOption(String kind, Text name, String phone, Text text, String source, LocalDate checked,
                             Boolean verified) {
    }
}
