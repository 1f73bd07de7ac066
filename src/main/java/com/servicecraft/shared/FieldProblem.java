package com.servicecraft.shared;

import java.io.Serializable;
import java.util.List;

/**
 * What is wrong with one input of a form, in the domain's words: {@code field} names the input
 * by the domain's own path (e.g. {@code goal.0.why}), which the page maps to the input's client
 * id so the message shows next to it and the input is marked. The message is a bundle key and
 * arguments; an argument that is a {@link Label} is itself translated (the field's name).
 */
public record FieldProblem(String field, String messageKey, List<Object> arguments) implements Serializable {
    public FieldProblem(String field, String messageKey, Object... arguments) {
        this(field, messageKey, List.of(arguments));
    }

    public FieldProblem {
        arguments = List.copyOf(arguments);
    }

    /** A message argument that is a bundle key, shown in the reader's language (a field's label). */
    public record Label(String key) implements Serializable {
    }
}
