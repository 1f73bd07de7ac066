package com.servicecraft.quiz.stats;

import java.util.List;

/**
 * Whole-quiz statistics; see {@link ItemStatistics} for the definitions.
 *
 * @param attempts                 number of graded attempts
 * @param meanPercent              mean attempt score in percent of the attempt's maximum (0 without attempts)
 * @param standardDeviationPercent sample standard deviation of the attempt percentages (0 below 2 attempts)
 * @param cronbachAlpha            Cronbach's alpha over the items present in every attempt, or null
 * @param items                    per-question statistics ordered by question id
 */
public record TestStatistics(int attempts, double meanPercent, double standardDeviationPercent, Double cronbachAlpha,
                             List<ItemStats> items) {

    public TestStatistics {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
