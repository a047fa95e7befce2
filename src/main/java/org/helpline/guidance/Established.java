package org.helpline.guidance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What reaching a step, or choosing an answer, establishes about the case: the console carries it into the
 * referral form (saying which step it came from, and letting the operator correct it), so nothing is typed twice.
 * The values are those of the referral request (docs/protocol.md, "Referrals"); {@code consent} is the person's
 * answer to being referred.
 *
 * @param needs ids of {@code referral.needs} (checked against them at start)
 * @param kind  the kind of exploitation the person describes, an id of {@code referral.kinds} (checked at start)
 */
public record Established(String age, String urgency, String consent, String basis, Boolean missingChild,
                          List<String> needs, String kind) {
    public static final List<String> AGES = List.of("adult", "minor", "unknown");
    public static final List<String> URGENCIES = List.of("immediate_danger", "urgent", "normal");
    public static final List<String> CONSENTS = List.of("given", "refused");
    public static final List<String> BASES = List.of("indicators", "self_identified", "third_party");

    public Established {
        needs = needs == null ? List.of() : List.copyOf(needs);
    }

    /** The facts set, by name, in a fixed order (what a later step says replaces what an earlier one said). */
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        put(facts, "age", age);
        put(facts, "urgency", urgency);
        put(facts, "consent", consent);
        put(facts, "basis", basis);
        put(facts, "missingChild", missingChild);
        if (!needs.isEmpty()) {
            facts.put("needs", needs);
        }
        put(facts, "kind", kind);
        return facts;
    }

    private static void put(Map<String, Object> facts, String name, Object value) {
        if (value != null) {
            facts.put(name, value);
        }
    }
}
