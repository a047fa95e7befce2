package org.helpline.guidance;

import java.util.List;
import java.util.stream.Collectors;

/** Guidance files that cannot be used; the message lists every problem found, one per line. */
public final class InvalidGuidance extends RuntimeException {
    private final List<Problem> problems;

    public InvalidGuidance(List<Problem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the guidance: "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
