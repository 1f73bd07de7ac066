package com.servicecraft.quiz.stats;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Statistics of one question over the attempts that contain it; see {@link ItemStatistics} for the definitions.
 *
 * @param questionId             the question
 * @param responses              number of attempts containing the question
 * @param facilityPercent        mean fraction × 100
 * @param discriminationIndex    100 × correlation of the item with the rest of the test, or null
 * @param negativeDiscrimination true when the discrimination index is negative
 * @param standardDeviation      sample standard deviation of the item fraction (0..1 scale), or null below 2 responses
 * @param optionCounts           times each option label was chosen, sorted by label
 */
public record ItemStats(String questionId, int responses, double facilityPercent, Double discriminationIndex,
                        boolean negativeDiscrimination, Double standardDeviation, Map<String, Integer> optionCounts) {

    public ItemStats {
        optionCounts = Collections.unmodifiableMap(new TreeMap<>(optionCounts == null ? Map.of() : optionCounts));
    }
}
