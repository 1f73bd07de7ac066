package com.servicecraft.question;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the attempt page holds for one question, before it is turned into an {@link Answer} by its
 * type ({@link Question#read}). The page knows only the attempt's option tokens.
 *
 * @param values    the chosen option tokens (or the ordered ones), the true/false or YES/NO/? value,
 *                  the written text, or the role-play's chosen responses
 * @param pairs     matching: left id → option token; self-rating: statement id → 1..5
 * @param tokenToId the attempt's option tokens of this question → content ids
 */
public record PageInput(List<String> values, Map<String, String> pairs, Map<String, ?> tokenToId) {

    public PageInput {
        values = values == null ? List.of() : List.copyOf(values);
        pairs = pairs == null ? Map.of() : Map.copyOf(pairs);
        tokenToId = tokenToId == null ? Map.of() : tokenToId;
    }

    /** The first value, or null when there is none. */
    public String first() {
        return values.isEmpty() ? null : values.get(0);
    }

    /** The content id behind a token. */
    public String id(String token) {
        Object id = tokenToId.get(token);
        if (id == null) {
            throw new ForgedAnswerException("unknown option token");
        }
        return id.toString();
    }

    public Set<String> ids(Collection<String> tokens) {
        Set<String> ids = new HashSet<>();
        tokens.forEach(t -> ids.add(id(t)));
        return ids;
    }
}
