package org.helpline.referral;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.helpline.config.ReferralConfig;

/**
 * What the operator sends to open a referral, checked field by field. Anything the record does not keep
 * is refused ({@code unknown_field}) rather than ignored: a client cannot slip a name or a number in.
 *
 * @param indicators the indicator ids ticked in the script
 * @param age        adult, minor, or unknown (treated as a minor until established)
 * @param county     a Romanian county code (CJ, B, ...), or null when not known
 * @param reach      only with consent: how and when the person can safely be reached; else null
 */
public record ReferralRequest(Set<String> indicators, Age age, String kind, String country, String county,
                              Urgency urgency, List<String> needs, ConsentGiven consent, Reach reach, String summary) {
    static final int MAX_INDICATORS = 64;
    static final int MAX_REACH_VALUE = 100;
    static final int MAX_REACH_WINDOW = 80;
    private static final Set<String> FIELDS = Set.of("contactId", "indicators", "age", "kind", "country", "county",
            "urgency", "needs", "consent", "reach", "summary");

    public enum Age {
        ADULT, MINOR, UNKNOWN;

        boolean treatedAsMinor() {
            return this != ADULT;
        }
    }

    public enum Urgency { IMMEDIATE_DANGER, URGENT, NORMAL }

    /** @param explained what the operator explained before the person agreed (ids from referral.consentExplains) */
    public record ConsentGiven(boolean given, List<String> explained) {}

    /** @param way phone, email, messaging or other; @param window a safe time, in the person's words */
    public record Reach(String way, String value, String window) {}

    static final List<String> WAYS = List.of("phone", "email", "messaging", "other");

    /** @throws InvalidReferral naming the field at fault */
    public static ReferralRequest read(JsonObject json, ReferralConfig config) {
        for (String field : json.fieldNames()) {
            if (!FIELDS.contains(field)) {
                throw new InvalidReferral("unknown_field", field, "'" + field + "' is not part of a referral; it holds only "
                        + "age, kind, country, county, urgency, needs, consent, reach and summary");
            }
        }
        optionalText(json, "contactId", "[0-9a-f-]{1,64}"); // accepted from the console, never kept
        Set<String> indicators = new LinkedHashSet<>();
        for (Object id : array(json, "indicators")) {
            if (!(id instanceof String text) || !text.matches("[a-z][a-z0-9_]{0,63}")) {
                throw new InvalidReferral("bad_request", "indicators", "indicators: each is an indicator id such as retention_of_documents");
            }
            indicators.add(text);
        }
        if (indicators.size() > MAX_INDICATORS) {
            throw new InvalidReferral("bad_request", "indicators", "indicators: at most " + MAX_INDICATORS);
        }
        Age age = choice(json, "age", Age.class);
        String kind = oneOf(json, "kind", config.kinds());
        String country = requiredText(json, "country", "[A-Za-z]{2}", "a country code such as RO or DE").toUpperCase(Locale.ROOT);
        String county = optionalText(json, "county", "[A-Za-z]{1,2}");
        if (county != null) {
            county = county.toUpperCase(Locale.ROOT);
            if (!ReferralConfig.COUNTIES.contains(county)) {
                throw new InvalidReferral("bad_request", "county", "county: '" + county + "' is not a county code such as CJ or B");
            }
        }
        Urgency urgency = choice(json, "urgency", Urgency.class);
        List<String> needs = new ArrayList<>();
        for (Object need : array(json, "needs")) {
            if (!(need instanceof String text) || !config.needs().contains(text)) {
                throw new InvalidReferral("bad_request", "needs", "needs: each is one of " + config.needs());
            }
            if (!needs.contains(text)) {
                needs.add(text);
            }
        }
        ConsentGiven consent = consent(json, config);
        Reach reach = reach(json, consent);
        String summary = summary(json, config.summaryMaxLength());
        return new ReferralRequest(Set.copyOf(indicators), age, kind, country, county, urgency, List.copyOf(needs),
                consent, reach, summary);
    }

    private static ConsentGiven consent(JsonObject json, ReferralConfig config) {
        Object value = json.getValue("consent");
        if (value == null) {
            return new ConsentGiven(false, List.of());
        }
        if (!(value instanceof JsonObject consent)) {
            throw new InvalidReferral("bad_request", "consent", "consent: an object { given, explained }");
        }
        for (String field : consent.fieldNames()) {
            if (!Set.of("given", "explained").contains(field)) {
                throw new InvalidReferral("unknown_field", "consent." + field, "consent." + field + " is not part of the consent record; "
                        + "the server adds when and by whom");
            }
        }
        if (!(consent.getValue("given") instanceof Boolean given)) {
            throw new InvalidReferral("bad_request", "consent.given", "consent.given: true or false");
        }
        List<String> explained = new ArrayList<>();
        for (Object item : array(consent, "explained", "consent.explained")) {
            if (!(item instanceof String text) || !config.consentExplains().contains(text)) {
                throw new InvalidReferral("bad_request", "consent.explained", "consent.explained: each is one of " + config.consentExplains());
            }
            if (!explained.contains(text)) {
                explained.add(text);
            }
        }
        return new ConsentGiven(given, List.copyOf(explained));
    }

    private static Reach reach(JsonObject json, ConsentGiven consent) {
        Object value = json.getValue("reach");
        if (value == null) {
            return null;
        }
        if (!consent.given()) {
            throw new InvalidReferral("reach_without_consent", "reach", "reach: a way to reach the person is kept only with their consent");
        }
        if (!(value instanceof JsonObject reach)) {
            throw new InvalidReferral("bad_request", "reach", "reach: an object { way, value, window }");
        }
        for (String field : reach.fieldNames()) {
            if (!Set.of("way", "value", "window").contains(field)) {
                throw new InvalidReferral("unknown_field", "reach." + field, "reach." + field + " is not part of a referral");
            }
        }
        String way = oneOf(reach, "way", "reach.way", WAYS);
        String text = plainText(reach, "value", MAX_REACH_VALUE, "reach.value");
        String window = plainText(reach, "window", MAX_REACH_WINDOW, "reach.window");
        if (text == null || window == null) {
            throw new InvalidReferral("bad_request", "reach", "reach: give both the value (how) and a safe time window (when)");
        }
        return new Reach(way, text, window);
    }

    private static String summary(JsonObject json, int maxLength) {
        String summary = plainText(json, "summary", maxLength, "summary");
        return summary == null ? "" : summary;
    }

    /** Printable text of at most {@code max} characters (line breaks allowed), stripped; null when absent. */
    private static String plainText(JsonObject json, String field, int max, String name) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new InvalidReferral("bad_request", name, name + ": text");
        }
        String stripped = text.strip();
        if (stripped.codePointCount(0, stripped.length()) > max) {
            throw new InvalidReferral("too_long", name, name + ": at most " + max + " characters");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw new InvalidReferral("bad_request", name, name + ": no control characters");
        }
        return stripped.isEmpty() ? null : stripped;
    }

    private static JsonArray array(JsonObject json, String field) {
        return array(json, field, field);
    }

    /** @param name the field as the request names it, for a nested one (consent.explained) */
    private static JsonArray array(JsonObject json, String field, String name) {
        Object value = json.getValue(field);
        if (value == null) {
            return new JsonArray();
        }
        if (!(value instanceof JsonArray array)) {
            throw new InvalidReferral("bad_request", name, name + ": a list");
        }
        return array;
    }

    private static <E extends Enum<E>> E choice(JsonObject json, String field, Class<E> type) {
        List<String> allowed = java.util.Arrays.stream(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT)).toList();
        String text = oneOf(json, field, allowed);
        return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
    }

    private static String oneOf(JsonObject json, String field, List<String> allowed) {
        return oneOf(json, field, field, allowed);
    }

    private static String oneOf(JsonObject json, String field, String name, List<String> allowed) {
        if (!(json.getValue(field) instanceof String text) || !allowed.contains(text)) {
            throw new InvalidReferral("bad_request", name, name + ": one of " + String.join(", ", allowed));
        }
        return text;
    }

    private static String requiredText(JsonObject json, String field, String pattern, String what) {
        String text = optionalText(json, field, pattern);
        if (text == null) {
            throw new InvalidReferral("bad_request", field, field + ": " + what);
        }
        return text;
    }

    private static String optionalText(JsonObject json, String field, String pattern) {
        Object value = json.getValue(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || !text.matches(pattern)) {
            throw new InvalidReferral("bad_request", field, field + ": not in the expected form");
        }
        return text;
    }
}
