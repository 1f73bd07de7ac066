package com.servicecraft.quiz;

import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.question.Answer;
import com.servicecraft.question.ForgedAnswerException;
import com.servicecraft.question.PageInput;
import com.servicecraft.question.Question;

import java.util.List;
import java.util.Map;

/**
 * What the attempt page sends on an autosave, turned into an {@link Answer} in content ids by the
 * question's type. The page only knows the attempt's option tokens; a token that is not in the
 * item's option map is a forgery. Button-driven types (ordering, role-play) are saved through the
 * page itself, not this way.
 *
 * @param values the chosen option tokens, the true/false or YES/NO/? value, or the written text
 * @param pairs  matching: left id → option token; self-rating: statement id → 1..5
 */
public record ClientAnswer(List<String> values, Map<String, String> pairs) {

    public ClientAnswer {
        values = values == null ? List.of() : List.copyOf(values);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
    }

    /** @return the answer, or null when the input holds nothing to save yet */
    public Answer toAnswer(Question q, Map<String, Object> tokenToId) {
        if (!q.autosaved()) {
            throw new AccessDeniedException(q.typeName() + " is not saved this way");
        }
        try {
            return q.read(new PageInput(values, pairs, tokenToId));
        } catch (ForgedAnswerException e) {
            throw new AccessDeniedException(e.getMessage());
        }
    }
}
