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
 * What the operator sends to open a referral or a notification, checked field by field. Anything the record
 * does not keep is refused ({@code unknown_field}) rather than ignored: a client cannot slip a name or a number in.
 *
 * @param indicators   the indicator ids ticked in the script
 * @param age          adult, minor, or unknown (treated as a minor until established)
 * @param county       a Romanian county code (CJ, B, ...), or null when not known
 * @param reach        only with the person's consent: how and when they can safely be reached; else null
 * @param basis        how the case came to the helpline: signs the operator ticked, the person's own account, or
 *                     a third party's report (a notification)
 * @param missingChild a child is missing: the police and 116 000 before anything else (never for an adult)
 * @param reporter     a third party's notification only: whether the reporter may be contacted, and how; else null
 */
public record ReferralRequest(Set<String> indicators, Age age, String kind, String country, String county,
                              Urgency urgency, List<String> needs, ConsentGiven consent, Reach reach, String summary,
                              Basis basis, boolean missingChild, Reporter reporter) {
    static final int MAX_INDICATORS = 64;
    static final int MAX_REACH_VALUE = 100;
    static final int MAX_REACH_WINDOW = 80;
    private static final Set<String> FIELDS = Set.of("contactId", "indicators", "age", "kind", "country", "county",
            "urgency", "needs", "consent", "reach", "summary", "basis", "missingChild", "reporter");

    public enum Age {
        ADULT, MINOR, UNKNOWN;

        boolean treatedAsMinor() {
            return this != ADULT;
        }
    }

    public enum Urgency { IMMEDIATE_DANGER, URGENT, NORMAL }

    /**
     * {@code INDICATORS}: the signs ticked decide; {@code SELF_IDENTIFIED}: the person says what happened to them,
     * which is enough for a presumed victim; {@code THIRD_PARTY}: a relative, neighbour or colleague reports a
     * possible victim, which is a notification and needs no consent of the person.
     */
    public enum Basis {
        INDICATORS, SELF_IDENTIFIED, THIRD_PARTY;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A third party who reports: whether they agreed to be contacted, and then how and when (else null). */
    public record Reporter(boolean consentToContact, Reach reach) {}

    public boolean notification() {
        return basis == Basis.THIRD_PARTY;
    }

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
                        + "basis, age, missingChild, kind, country, county, urgency, needs, consent, reach, reporter and summary");
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
        Basis basis = json.getValue("basis") == null ? Basis.INDICATORS : choice(json, "basis", Basis.class);
        boolean missingChild = missingChild(json, age);
        ConsentGiven consent = consent(json, config);
        Reach reach;
        Reporter reporter;
        if (basis == Basis.THIRD_PARTY) {
            if (consent.given()) {
                throw new InvalidReferral("bad_request", "consent.given", "consent.given: a third party cannot consent for "
                        + "the person; a notification needs no consent of theirs (record the reporter's in reporter)");
            }
            if (json.getValue("reach") != null) {
                throw new InvalidReferral("bad_request", "reach", "reach: a notification does not contact the person; "
                        + "a way to reach the reporter goes in reporter.reach");
            }
            reach = null;
            reporter = reporter(json);
        } else {
            if (json.getValue("reporter") != null) {
                throw new InvalidReferral("bad_request", "reporter", "reporter: only in a third party's notification "
                        + "(basis third_party)");
            }
            reach = reach(json.getValue("reach"), consent.given(), "reach");
            reporter = null;
        }
        String summary = summary(json, config.summaryMaxLength());
        return new ReferralRequest(Set.copyOf(indicators), age, kind, country, county, urgency, List.copyOf(needs),
                consent, reach, summary, basis, missingChild, reporter);
    }

    private static boolean missingChild(JsonObject json, Age age) {
        Object value = json.getValue("missingChild");
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean missing)) {
            throw new InvalidReferral("bad_request", "missingChild", "missingChild: true or false");
        }
        if (missing && age == Age.ADULT) {
            throw new InvalidReferral("bad_request", "missingChild", "missingChild: only for a minor or a person whose "
                    + "age is not known; a missing adult is a notification (basis third_party)");
        }
        return missing;
    }

    private static Reporter reporter(JsonObject json) {
        Object value = json.getValue("reporter");
        if (value == null) {
            return new Reporter(false, null);
        }
        if (!(value instanceof JsonObject reporter)) {
            throw new InvalidReferral("bad_request", "reporter", "reporter: an object { consentToContact, reach }");
        }
        for (String field : reporter.fieldNames()) {
            if (!Set.of("consentToContact", "reach").contains(field)) {
                throw new InvalidReferral("unknown_field", "reporter." + field, "reporter." + field + " is not part of a "
                        + "notification; it keeps only whether the reporter may be contacted, and how");
            }
        }
        if (!(reporter.getValue("consentToContact") instanceof Boolean consents)) {
            throw new InvalidReferral("bad_request", "reporter.consentToContact", "reporter.consentToContact: true or false");
        }
        return new Reporter(consents, reach(reporter.getValue("reach"), consents, "reporter.reach"));
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

    /** @param name {@code reach} (the person's) or {@code reporter.reach} */
    private static Reach reach(Object value, boolean consented, String name) {
        if (value == null) {
            return null;
        }
        if (!consented) {
            throw new InvalidReferral("reach_without_consent", name, name + ": a way to reach "
                    + (name.equals("reach") ? "the person" : "the reporter") + " is kept only with their consent");
        }
        if (!(value instanceof JsonObject reach)) {
            throw new InvalidReferral("bad_request", name, name + ": an object { way, value, window }");
        }
        for (String field : reach.fieldNames()) {
            if (!Set.of("way", "value", "window").contains(field)) {
                throw new InvalidReferral("unknown_field", name + "." + field, name + "." + field + " is not part of a referral");
            }
        }
        String way = oneOf(reach, "way", name + ".way", WAYS);
        String text = plainText(reach, "value", MAX_REACH_VALUE, name + ".value");
        String window = plainText(reach, "window", MAX_REACH_WINDOW, name + ".window");
        if (text == null || window == null) {
            throw new InvalidReferral("bad_request", name, name + ": give both the value (how) and a safe time window (when)");
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
