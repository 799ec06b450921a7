package org.treatygraph.core;

import java.util.List;
import java.util.stream.Collectors;

/** The input is wrong; carries every problem found, each with its location. */
public class InputException extends RuntimeException {
    private final List<Problem> problems;

    public InputException(Problem problem) {
        this(List.of(problem));
    }

    public InputException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the input:\n"
                + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The same problems as a report value. */
    public BuildReport report() {
        return new BuildReport(problems);
    }
}
