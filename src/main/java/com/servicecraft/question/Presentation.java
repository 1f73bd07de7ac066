package com.servicecraft.question;

import java.io.Serializable;
import java.util.List;

/**
 * What the attempt page shows of a question before submission: texts and the attempt's tokens, no
 * key, no explanation. Each type fills the parts its view uses.
 *
 * @param options    choices to pick (single/multiple choice, true/false) or right sides (matching)
 * @param lefts      matching: the left sides, by pair id
 * @param statements inference: the statement; self-rating: the statements to rate
 * @param order      ordering: the steps in the attempt's shuffled order
 * @param scenario   role-play: the situation
 * @param minChars   free text: the least a trainee should write
 */
public record Presentation(List<Opt> options, List<Opt> lefts, List<Opt> statements, List<Opt> order, String scenario,
                           int minChars) implements Serializable {

    public static final Presentation NONE = new Presentation(List.of(), List.of(), List.of(), List.of(), null, 0);

    public static Presentation options(List<Opt> options) {
        return new Presentation(options, List.of(), List.of(), List.of(), null, 0);
    }

    public static Presentation statements(List<Opt> statements) {
        return new Presentation(List.of(), List.of(), statements, List.of(), null, 0);
    }
}
