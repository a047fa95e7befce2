package org.helpline.guidance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON the operator console reads (documented in docs/protocol.md); empty fields are left out. */
public final class GuidanceJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private GuidanceJson() {
    }

    /** Everything a console needs at once, except the exit options (asked for by country). */
    public static String bundle(Guidance guidance) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", guidance.version());
        json.put("languages", guidance.index().languages());
        json.put("defaultScript", guidance.index().defaultScript());
        json.put("urgentScript", guidance.index().urgentScript());
        json.put("topics", guidance.index().topics());
        json.put("exitKinds", guidance.index().exitKinds());
        json.put("tags", guidance.index().tags());
        json.put("indicators", guidance.indicatorGroups());
        json.put("replies", guidance.replies());
        json.put("scripts", guidance.scripts().values());
        json.put("countries", countryList(guidance));
        return write(json);
    }

    public static String scriptList(Guidance guidance) {
        return write(Map.of("scripts", guidance.scripts().values().stream().map(s -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", s.id());
            entry.put("title", s.title());
            if (s.summary() != null) {
                entry.put("summary", s.summary());
            }
            entry.put("referral", s.referral());
            return entry;
        }).toList()));
    }

    public static String script(Script script) {
        return write(script);
    }

    public static String indicators(Guidance guidance) {
        return write(Map.of("groups", guidance.indicatorGroups()));
    }

    public static String replies(Guidance guidance) {
        return write(Map.of("replies", guidance.replies()));
    }

    public static String countries(Guidance guidance) {
        return write(Map.of("countries", countryList(guidance), "exitKinds", guidance.index().exitKinds()));
    }

    /** The country as the console sees it: its entries, shared ones included; not the values they were filled from. */
    public static String country(Country country) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", country.code());
        json.put("name", country.name());
        json.put("options", country.options());
        return write(json);
    }

    /** The entries not re-checked since {@code due}, for supervisors. */
    public static String rechecks(Guidance guidance, java.time.LocalDate due, long afterDays) {
        List<Map<String, Object>> entries = guidance.checkedBefore(due).stream().map(overdue -> {
            Country.ExitOption o = overdue.option();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("country", overdue.country().code());
            entry.put("countryName", overdue.country().name());
            entry.put("id", o.id());
            entry.put("kind", o.kind());
            entry.put("name", o.name());
            entry.put("phone", o.phone());
            entry.put("source", o.source());
            entry.put("sourceType", o.sourceType());
            entry.put("checkAt", o.checkAt());
            entry.put("checked", o.checked());
            entry.put("checkedBy", o.checkedBy());
            entry.put("verified", o.verified());
            return entry;
        }).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("recheckAfterDays", afterDays);
        json.put("due", due);
        json.put("entries", entries);
        return write(json);
    }

    private static List<Map<String, Object>> countryList(Guidance guidance) {
        return guidance.countries().values().stream()
                .map(c -> Map.<String, Object>of("code", c.code(), "name", c.name())).toList();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("guidance cannot be written as JSON", e);
        }
    }
}
