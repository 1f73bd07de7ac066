package com.servicecraft.selfassessment;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A trainee's two rounds side by side, per quality (statement): the start score, the end score,
 * the change, and which qualities are the gaps to work on: the {@link #FOCUS_COUNT} lowest
 * scores of the latest finished round.
 */
public record SelfAssessmentResult(List<Row> rows) implements Serializable {
    public static final int FOCUS_COUNT = 3;

    /** One quality: its statement id, scores (null: not rated in that round), change and whether to work on it. */
    public record Row(String statementId, Integer start, Integer end, boolean focus) implements Serializable {
        public Integer change() {
            return start == null || end == null ? null : end - start;
        }

        public Integer latest() {
            return end != null ? end : start;
        }
    }

    /** Rows in the statements' order; ratings are by statement id. */
    public static SelfAssessmentResult of(List<String> statementIds, Map<String, Integer> start, Map<String, Integer> end) {
        Map<String, Integer> latest = end != null && !end.isEmpty() ? end : start == null ? Map.of() : start;
        Set<String> focus = statementIds.stream().filter(latest::containsKey)
                .sorted(Comparator.comparing((String id) -> latest.get(id)).thenComparing(statementIds::indexOf))
                .limit(FOCUS_COUNT).collect(Collectors.toSet());
        List<Row> rows = new ArrayList<>();
        for (String id : statementIds) {
            rows.add(new Row(id, start == null ? null : start.get(id), end == null ? null : end.get(id), focus.contains(id)));
        }
        return new SelfAssessmentResult(rows);
    }

    /** The rows with the lowest latest scores first (the gaps table). */
    public List<Row> byGap() {
        return rows.stream().filter(r -> r.latest() != null)
                .sorted(Comparator.comparing(Row::latest).thenComparingInt(r -> r.change() == null ? 0 : r.change())).toList();
    }
}
