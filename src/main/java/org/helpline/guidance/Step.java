package org.helpline.guidance;

import java.util.List;

/**
 * One step of a script. Which fields it needs depends on its {@link StepType}; the checks say which.
 *
 * @param text       for the operator: the question to ask, the advice to give, what to look at
 * @param reply      optional: a suggested reply to the caller, inserted into the chat in the caller's language
 * @param answers    ask: the caller's possible answers, each leading to a step
 * @param indicators checklist: indicator or group ids to show
 * @param cases      branch: the first case whose indicators are ticked often enough decides the next step
 * @param otherwise  branch: where to go when no case holds
 * @param exits      exits: the kinds of exit option to show for the contact's country
 * @param route      referral: which referral applies
 * @param next       the step after this one (ask, branch and end have none); {@code script:ID} goes on in another script
 * @param verified   false when the step states something not yet confirmed: shown "to be confirmed"
 * @param establishes optional: what reaching this step establishes about the case (carried into the referral form)
 */
public record Step(String id, StepType type, Text text, Text reply, List<Answer> answers, List<String> indicators,
                   List<Case> cases, String otherwise, List<String> exits, ReferralRoute route, String next,
                   Boolean verified, Established establishes) {
    public static final String SCRIPT_PREFIX = "script:";

    public Step {
        answers = answers == null ? List.of() : List.copyOf(answers);
        indicators = indicators == null ? List.of() : List.copyOf(indicators);
        cases = cases == null ? List.of() : List.copyOf(cases);
        exits = exits == null ? List.of() : List.copyOf(exits);
        verified = verified == null || verified;
    }

    /** Every step this one may lead to, in order. */
    public List<String> successors() {
        return switch (type) {
            case ASK -> answers.stream().map(Answer::next).toList();
            case BRANCH -> {
                List<String> targets = new java.util.ArrayList<>(cases.stream().map(Case::next).toList());
                targets.add(otherwise);
                yield targets;
            }
            case END -> List.of();
            default -> next == null ? List.of() : List.of(next);
        };
    }

    /** @param establishes optional: what this answer establishes about the case (carried into the referral form) */
    public record Answer(String id, Text label, String next, Established establishes) {
    }

    /** Holds when at least {@code atLeast} (1 if absent) of these indicators (or groups' indicators) are ticked. */
    public record Case(List<String> ticked, Integer atLeast, String next) {
        public Case {
            ticked = ticked == null ? List.of() : List.copyOf(ticked);
            atLeast = atLeast == null ? 1 : atLeast;
        }
    }
}
