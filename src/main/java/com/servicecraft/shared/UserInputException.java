package com.servicecraft.shared;

import java.util.List;

/**
 * Bad input from a person, reported with a resource-bundle key (and arguments) so that the page
 * shows it in the user's language. Nothing was changed when this is thrown. When the refusal is
 * about particular inputs it carries one {@link FieldProblem} per input, so that the page can
 * show each message next to its input and mark it; the exception's own key is then the first's.
 */
public class UserInputException extends RuntimeException {
    private final String messageKey;
    private final transient List<Object> arguments;
    private final List<FieldProblem> problems;

    public UserInputException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = List.of(arguments);
        this.problems = List.of();
    }

    /** A refusal naming the inputs at fault; {@code problems} must not be empty. */
    public UserInputException(List<FieldProblem> problems) {
        super(problems.get(0).messageKey() + " at " + problems.get(0).field());
        this.messageKey = problems.get(0).messageKey();
        this.arguments = problems.get(0).arguments();
        this.problems = List.copyOf(problems);
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.toArray();
    }

    /** The inputs at fault, each with its message; empty when the refusal is about the whole form. */
    public List<FieldProblem> problems() {
        return problems;
    }
}
