package org.helpline.guidance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows a script as an operator would: the caller's answers choose at each question, the indicators
 * ticked decide each branch. It collects the exit options and referrals the path suggests, and what the steps
 * and answers established about the case. The console page walks scripts by the same rules, one click at a time.
 *
 * @param visited     the steps passed, as {@code script/step}
 * @param exitKinds   the kinds of exit option suggested on the way, in order
 * @param referrals   the referral routes suggested on the way
 * @param established what the path established (age, urgency, consent, basis, missingChild, needs): the referral
 *                    form's carried values; a later step replaces what an earlier one said
 * @param finished    true when an end step was reached; false when the answers ran out first
 */
public record ScriptWalk(List<String> visited, Set<String> exitKinds, Set<ReferralRoute> referrals,
                         Map<String, Object> established, boolean finished) {
    private static final int LONGEST = 500;

    public static ScriptWalk follow(Guidance guidance, String scriptId, List<String> answers, Set<String> ticked) {
        Script script = guidance.script(scriptId).orElseThrow(() -> new IllegalArgumentException("no script " + scriptId));
        Step step = script.step(script.start()).orElseThrow();
        Iterator<String> given = answers.iterator();
        List<String> visited = new ArrayList<>();
        Set<String> exits = new LinkedHashSet<>();
        Set<ReferralRoute> referrals = new LinkedHashSet<>();
        Map<String, Object> established = new LinkedHashMap<>();
        while (visited.size() < LONGEST) {
            visited.add(script.id() + "/" + step.id());
            if (step.establishes() != null) {
                established.putAll(step.establishes().facts());
            }
            String next;
            switch (step.type()) {
                case END -> {
                    return new ScriptWalk(visited, exits, referrals, established, true);
                }
                case ASK -> {
                    if (!given.hasNext()) {
                        return new ScriptWalk(visited, exits, referrals, established, false);
                    }
                    String answer = given.next();
                    Step asked = step;
                    Step.Answer chosen = step.answers().stream().filter(a -> a.id().equals(answer)).findFirst()
                            .orElseThrow(() -> new IllegalArgumentException("step " + asked.id() + " has no answer " + answer
                                    + "; it has " + asked.answers().stream().map(Step.Answer::id).toList()));
                    if (chosen.establishes() != null) {
                        established.putAll(chosen.establishes().facts());
                    }
                    next = chosen.next();
                }
                case BRANCH -> next = decide(guidance, step, ticked);
                case EXITS -> {
                    exits.addAll(step.exits());
                    next = step.next();
                }
                case REFERRAL -> {
                    referrals.add(step.route());
                    next = step.next();
                }
                default -> next = step.next();
            }
            if (next.startsWith(Step.SCRIPT_PREFIX)) {
                script = guidance.script(next.substring(Step.SCRIPT_PREFIX.length())).orElseThrow();
                next = script.start();
            }
            step = script.step(next).orElseThrow();
        }
        throw new IllegalStateException("the walk did not end within " + LONGEST + " steps");
    }

    /** The first case with enough of its indicators ticked, else {@code otherwise}. */
    public static String decide(Guidance guidance, Step branch, Set<String> ticked) {
        for (Step.Case candidate : branch.cases()) {
            Set<String> looked = new LinkedHashSet<>();
            candidate.ticked().forEach(ref -> looked.addAll(guidance.indicatorsOf(ref)));
            long count = looked.stream().filter(ticked::contains).count();
            if (count >= candidate.atLeast()) {
                return candidate.next();
            }
        }
        return branch.otherwise();
    }

    public boolean refers() {
        return !referrals.isEmpty();
    }
}
