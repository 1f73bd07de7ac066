package com.servicecraft.question;

import java.util.List;
import java.util.Map;

/** What a review shows beyond answer and key: a role-play's path, its rubric dimensions and the outcome reached. */
public record ReviewExtras(List<PathStep> path, Map<String, Double> dimensions, String outcome) {
    public static final ReviewExtras NONE = new ReviewExtras(List.of(), Map.of(), null);
}
