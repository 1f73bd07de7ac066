package com.servicecraft.quiz;

import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.question.FreeTextQuestion;
import com.servicecraft.question.InferenceQuestion;
import com.servicecraft.question.MatchingQuestion;
import com.servicecraft.question.MultipleChoiceQuestion;
import com.servicecraft.question.Question;
import com.servicecraft.question.SelfRatingQuestion;
import com.servicecraft.question.SingleChoiceQuestion;
import com.servicecraft.question.TrueFalseQuestion;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the attempt page sends on an autosave, turned into an {@link Answer} in content ids. The page
 * only knows the attempt's option tokens; a token that is not in the item's option map is a forgery.
 * Ordering and role-play questions are button-driven and saved through the page itself.
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
        if (q instanceof SingleChoiceQuestion) {
            return values.isEmpty() ? null : new Answer.Choices(ids(tokenToId, Set.of(values.get(0))));
        } else if (q instanceof MultipleChoiceQuestion) {
            return new Answer.Choices(ids(tokenToId, new HashSet<>(values)));
        } else if (q instanceof TrueFalseQuestion) {
            if (values.isEmpty()) {
                return null;
            }
            if (!values.get(0).equals("true") && !values.get(0).equals("false")) {
                throw new AccessDeniedException("not a true/false value");
            }
            return new Answer.Bool(Boolean.parseBoolean(values.get(0)));
        } else if (q instanceof InferenceQuestion) {
            return values.isEmpty() ? null : new Answer.Inference(values.get(0));
        } else if (q instanceof FreeTextQuestion) {
            return new Answer.Text(values.isEmpty() ? "" : values.get(0));
        } else if (q instanceof MatchingQuestion) {
            Map<String, String> m = new LinkedHashMap<>();
            pairs.forEach((left, token) -> {
                if (token != null && !token.isEmpty()) {
                    m.put(left, ids(tokenToId, Set.of(token)).iterator().next());
                }
            });
            return new Answer.Matches(m);
        } else if (q instanceof SelfRatingQuestion) {
            Map<String, Integer> r = new LinkedHashMap<>();
            pairs.forEach((statement, value) -> {
                try {
                    r.put(statement, Integer.parseInt(value));
                } catch (NumberFormatException e) {
                    throw new AccessDeniedException("not a rating");
                }
            });
            return new Answer.Ratings(r);
        }
        throw new AccessDeniedException(q.typeName() + " is not saved this way");
    }

    /** Whether the answer counts as answered for the question navigator (as the page shows it). */
    public static boolean complete(Question q, Answer a) {
        if (a instanceof Answer.Choices c) {
            return !c.ids().isEmpty();
        } else if (a instanceof Answer.Matches m && q instanceof MatchingQuestion mq) {
            return m.leftToRight().size() == mq.pairs().size();
        } else if (a instanceof Answer.Text t) {
            return !t.text().isBlank();
        } else if (a instanceof Answer.Ratings r && q instanceof SelfRatingQuestion s) {
            return r.ratings().size() == s.statements().size();
        }
        return a != null;
    }

    private static Set<String> ids(Map<String, Object> tokenToId, Set<String> tokens) {
        Set<String> ids = new HashSet<>();
        for (String t : tokens) {
            Object id = tokenToId.get(t);
            if (id == null) {
                throw new AccessDeniedException("unknown option token");
            }
            ids.add(id.toString());
        }
        return ids;
    }
}
