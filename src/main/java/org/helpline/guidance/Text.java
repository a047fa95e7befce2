package org.helpline.guidance;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** One text written in every language of the guidance, e.g. {@code { ro: "...", en: "..." }}. */
public record Text(Map<String, String> byLanguage) {
    public Text {
        byLanguage = Map.copyOf(byLanguage);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Text read(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("write the text in every language, for example { ro: \"...\", en: \"...\" }");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        map.forEach((language, text) -> texts.put(String.valueOf(language), text == null ? null : String.valueOf(text)));
        texts.values().removeIf(java.util.Objects::isNull);
        return new Text(texts);
    }

    public static Text of(String ro, String en) {
        return new Text(Map.of("ro", ro, "en", en));
    }

    @JsonValue
    public Map<String, String> byLanguage() {
        return byLanguage;
    }

    /** The text in this language, or in the fallback language when it has none. */
    public String in(String language, String fallback) {
        String text = byLanguage.get(language);
        return text != null ? text : byLanguage.get(fallback);
    }

    public boolean isCompleteIn(String language) {
        String text = byLanguage.get(language);
        return text != null && !text.isBlank();
    }
}
