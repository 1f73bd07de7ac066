package com.servicecraft.content;

/** A problem that stops reading one file (bad YAML, a file that cannot be read). */
public class ContentException extends Exception {
    private final transient ContentProblem problem;

    public ContentException(ContentProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    public ContentProblem problem() {
        return problem;
    }
}
