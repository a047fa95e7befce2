package org.helpline.guidance;

import java.util.List;
import java.util.Optional;

/**
 * A guided script: branching steps from {@code start} to an end.
 *
 * @param referral {@code never} for scripts that must not lead to a referral (ordinary labour questions);
 *                 {@code possible} otherwise
 */
public record Script(String id, Text title, Text summary, String referral, String start, List<Step> steps) {
    public Script {
        referral = referral == null ? "possible" : referral;
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    public boolean neverRefers() {
        return referral.equals("never");
    }
}
