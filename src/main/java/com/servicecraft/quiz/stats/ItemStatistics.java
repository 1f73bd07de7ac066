package com.servicecraft.quiz.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Item statistics of quiz results, as Moodle's quiz statistics report computes them. Pure: no state, no I/O.
 *
 * <p>Every item's maximum is 1, so an item score is its {@link ItemResponse#fraction() fraction} and an
 * attempt's total is the sum of its fractions. All variances and standard deviations are <em>sample</em>
 * ones (divisor n − 1).
 *
 * <ul>
 *   <li><b>Test mean / standard deviation</b>: over all attempts, of each attempt's percentage
 *       100 × total / number of items in that attempt (an attempt without items counts as 0 %).
 *       The standard deviation is 0 below 2 attempts; the mean is 0 without attempts.</li>
 *   <li><b>Facility index</b> of an item: mean fraction × 100 over the attempts that contain it.</li>
 *   <li><b>Item standard deviation</b>: sample standard deviation of the item's fraction (0..1 scale,
 *       not percent); null below 2 responses.</li>
 *   <li><b>Discrimination index</b>: 100 × Pearson correlation between the item's score and the score on
 *       the rest of the test (attempt total minus this item), over the attempts containing the item; null
 *       with fewer than 2 such attempts or when either series has zero variance.
 *       {@code negativeDiscrimination} is true when the index is negative: stronger students tend to get
 *       the item wrong, so the item (or its key) deserves a review.</li>
 *   <li><b>Cronbach's alpha</b>: k/(k−1) × (1 − Σ var(item) / var(total)), over the k items present in
 *       every attempt (with random draws other items are left out), where total is the sum of those k
 *       items per attempt; null when k &lt; 2, fewer than 2 attempts or var(total) = 0.</li>
 *   <li><b>Option counts</b>: for each item, how many times each {@code chosenOption} was chosen
 *       (null choices skipped).</li>
 * </ul>
 * Items are ordered by question id (natural {@link String} order).
 */
public final class ItemStatistics {

    /** Sums of squares at or below this count as zero variance (absorbs rounding, e.g. constant 0.1 scores). */
    private static final double ZERO_VARIANCE = 1e-12;

    private ItemStatistics() {
    }

    public static TestStatistics compute(List<AttemptScores> attempts) {
        List<AttemptScores> all = attempts == null ? List.of() : List.copyOf(attempts);

        double[] percents = new double[all.size()];
        Map<String, List<ItemResponse>> responsesById = new TreeMap<>();
        Map<String, List<Double>> restById = new TreeMap<>();
        for (int i = 0; i < all.size(); i++) {
            AttemptScores attempt = all.get(i);
            double total = attempt.total();
            percents[i] = attempt.items().isEmpty() ? 0.0 : 100.0 * total / attempt.items().size();
            for (ItemResponse item : attempt.items()) {
                responsesById.computeIfAbsent(item.questionId(), id -> new ArrayList<>()).add(item);
                restById.computeIfAbsent(item.questionId(), id -> new ArrayList<>()).add(total - item.fraction());
            }
        }

        List<ItemStats> items = new ArrayList<>();
        for (Map.Entry<String, List<ItemResponse>> entry : responsesById.entrySet()) {
            List<ItemResponse> responses = entry.getValue();
            double[] scores = responses.stream().mapToDouble(ItemResponse::fraction).toArray();
            double[] rest = restById.get(entry.getKey()).stream().mapToDouble(Double::doubleValue).toArray();
            Double r = correlation(scores, rest);
            Double discrimination = r == null ? null : 100.0 * r;
            Map<String, Integer> optionCounts = new LinkedHashMap<>();
            for (ItemResponse response : responses) {
                if (response.chosenOption() != null) {
                    optionCounts.merge(response.chosenOption(), 1, Integer::sum);
                }
            }
            items.add(new ItemStats(entry.getKey(), responses.size(), 100.0 * mean(scores), discrimination,
                    discrimination != null && discrimination < 0,
                    scores.length < 2 ? null : Math.sqrt(sampleVariance(scores)), optionCounts));
        }

        return new TestStatistics(all.size(), mean(percents),
                percents.length < 2 ? 0.0 : Math.sqrt(sampleVariance(percents)),
                cronbachAlpha(all, responsesById), items);
    }

    private static Double cronbachAlpha(List<AttemptScores> attempts, Map<String, List<ItemResponse>> responsesById) {
        int n = attempts.size();
        Set<String> common = new TreeSet<>();
        responsesById.forEach((id, responses) -> {
            if (responses.size() == n) { // at most once per attempt, so present in every attempt
                common.add(id);
            }
        });
        int k = common.size();
        if (k < 2 || n < 2) {
            return null;
        }
        double[] totals = new double[n];
        double sumItemVariances = 0;
        for (String id : common) {
            double[] scores = responsesById.get(id).stream().mapToDouble(ItemResponse::fraction).toArray();
            sumItemVariances += sampleVariance(scores);
            for (int i = 0; i < n; i++) {
                totals[i] += scores[i]; // responses were collected in attempt order
            }
        }
        double totalVariance = sampleVariance(totals);
        if (totalVariance <= ZERO_VARIANCE) {
            return null;
        }
        return k / (k - 1.0) * (1.0 - sumItemVariances / totalVariance);
    }

    /** Pearson correlation, or null below 2 pairs or when either series has zero variance. */
    private static Double correlation(double[] x, double[] y) {
        if (x.length < 2) {
            return null;
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx <= ZERO_VARIANCE || syy <= ZERO_VARIANCE) {
            return null;
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    private static double mean(double[] values) {
        if (values.length == 0) {
            return 0.0;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** Sample variance (n − 1); callers guarantee at least 2 values. */
    private static double sampleVariance(double[] values) {
        double m = mean(values);
        double ss = 0;
        for (double v : values) {
            double d = v - m;
            ss += d * d;
        }
        return ss / (values.length - 1);
    }
}
