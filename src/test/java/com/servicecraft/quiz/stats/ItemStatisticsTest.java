package com.servicecraft.quiz.stats;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** All expected values are computed by hand in the comments; sample variances use n − 1. */
class ItemStatisticsTest {

    private static final double EPS = 1e-6;

    /** Builds an attempt from alternating question ids and fractions: "q1", 1, "q2", 0, ... */
    private static AttemptScores attempt(long id, Object... idFractionPairs) {
        List<ItemResponse> items = new ArrayList<>();
        for (int i = 0; i < idFractionPairs.length; i += 2) {
            items.add(new ItemResponse((String) idFractionPairs[i], ((Number) idFractionPairs[i + 1]).doubleValue(), null));
        }
        return new AttemptScores(id, items);
    }

    private static ItemStats item(TestStatistics stats, String questionId) {
        return stats.items().stream().filter(i -> i.questionId().equals(questionId)).findFirst().orElseThrow();
    }

    /*
     * Textbook fixture: 4 attempts × 3 items (Guttman pattern).
     *          q1 q2 q3 | total | percent
     *   A1      1  1  1 |   3   | 100
     *   A2      1  1  0 |   2   |  66.67
     *   A3      1  0  0 |   1   |  33.33
     *   A4      0  0  0 |   0   |   0
     */
    private static List<AttemptScores> guttman() {
        return List.of(
                attempt(1, "q1", 1, "q2", 1, "q3", 1),
                attempt(2, "q1", 1, "q2", 1, "q3", 0),
                attempt(3, "q1", 1, "q2", 0, "q3", 0),
                attempt(4, "q1", 0, "q2", 0, "q3", 0));
    }

    @Test
    void testMeanAndStandardDeviationInPercent() {
        TestStatistics stats = ItemStatistics.compute(guttman());
        assertEquals(4, stats.attempts());
        // mean = (100 + 66.67 + 33.33 + 0) / 4 = 50
        assertEquals(50.0, stats.meanPercent(), EPS);
        // deviations 50, 16.67, -16.67, -50 -> SS = 2500 + 277.78 + 277.78 + 2500 = 5555.56 = 50000/9
        // var = (50000/9) / 3 = 1851.85, sd = 43.033148
        assertEquals(43.03314829, stats.standardDeviationPercent(), EPS);
    }

    @Test
    void facilityAndItemStandardDeviation() {
        TestStatistics stats = ItemStatistics.compute(guttman());
        // facility = mean fraction × 100: q1 3/4, q2 2/4, q3 1/4
        assertEquals(75.0, item(stats, "q1").facilityPercent(), EPS);
        assertEquals(50.0, item(stats, "q2").facilityPercent(), EPS);
        assertEquals(25.0, item(stats, "q3").facilityPercent(), EPS);
        assertEquals(4, item(stats, "q1").responses());
        // q1 = 1,1,1,0: mean .75, SS = 3×.0625 + .5625 = .75, var = .75/3 = .25, sd = .5
        assertEquals(0.5, item(stats, "q1").standardDeviation(), EPS);
        // q2 = 1,1,0,0: mean .5, SS = 4×.25 = 1, var = 1/3, sd = .577350
        assertEquals(0.57735027, item(stats, "q2").standardDeviation(), EPS);
    }

    @Test
    void facilityWithPartialCredit() {
        // fractions .5, .25, 1, 0 -> mean 1.75/4 = .4375 -> 43.75 %
        TestStatistics stats = ItemStatistics.compute(List.of(
                attempt(1, "q1", 0.5), attempt(2, "q1", 0.25), attempt(3, "q1", 1), attempt(4, "q1", 0)));
        assertEquals(43.75, item(stats, "q1").facilityPercent(), EPS);
        // one item per attempt: test percent = item percent, same mean
        assertEquals(43.75, stats.meanPercent(), EPS);
    }

    @Test
    void discriminationAgainstRestOfTest() {
        TestStatistics stats = ItemStatistics.compute(guttman());
        // q1 = 1,1,1,0; rest (q2+q3) = 2,1,0,0.
        //   item dev .25,.25,.25,-.75 (Sxx = .75); rest mean .75, dev 1.25,.25,-.75,-.75 (Syy = 2.75)
        //   Sxy = .3125 + .0625 - .1875 + .5625 = .75; r = .75 / sqrt(.75 × 2.75) = sqrt(3/11) = .522233
        assertEquals(52.22329679, item(stats, "q1").discriminationIndex(), EPS);
        // q2 = 1,1,0,0; rest (q1+q3) = 2,1,1,0.
        //   item dev ±.5 (Sxx = 1); rest dev 1,0,0,-1 (Syy = 2); Sxy = .5 + .5 = 1; r = 1/sqrt(2)
        assertEquals(70.71067812, item(stats, "q2").discriminationIndex(), EPS);
        // q3 = 1,0,0,0; rest (q1+q2) = 2,2,1,0: mirror image of q1, r = sqrt(3/11)
        assertEquals(52.22329679, item(stats, "q3").discriminationIndex(), EPS);
        assertFalse(item(stats, "q1").negativeDiscrimination());
    }

    /*
     * "trick" is answered correctly only by the weak students.
     *          a  b  c  trick | total
     *   A1     1  1  1   0    |  3
     *   A2     1  1  0   0    |  2
     *   A3     1  0  0   1    |  2
     *   A4     0  0  0   1    |  1
     */
    private static List<AttemptScores> withTrickItem() {
        return List.of(
                attempt(1, "a", 1, "b", 1, "c", 1, "trick", 0),
                attempt(2, "a", 1, "b", 1, "c", 0, "trick", 0),
                attempt(3, "a", 1, "b", 0, "c", 0, "trick", 1),
                attempt(4, "a", 0, "b", 0, "c", 0, "trick", 1));
    }

    @Test
    void negativelyDiscriminatingItemIsFlagged() {
        TestStatistics stats = ItemStatistics.compute(withTrickItem());
        ItemStats trick = item(stats, "trick");
        // trick = 0,0,1,1 (dev -.5,-.5,.5,.5, Sxx = 1); rest = 3,2,1,0 (mean 1.5, dev 1.5,.5,-.5,-1.5, Syy = 5)
        // Sxy = -.75 - .25 - .25 - .75 = -2; r = -2 / sqrt(5) = -.894427
        assertEquals(-89.44271910, trick.discriminationIndex(), EPS);
        assertTrue(trick.negativeDiscrimination());
        assertEquals(50.0, trick.facilityPercent(), EPS);

        // a = 1,1,1,0 (dev .25,.25,.25,-.75, Sxx = .75); rest (b+c+trick) = 2,1,1,1 (mean 1.25, dev .75,-.25,-.25,-.25, Syy = .75)
        // Sxy = .1875 - .0625 - .0625 + .1875 = .25; r = .25 / .75 = 1/3
        assertEquals(33.33333333, item(stats, "a").discriminationIndex(), EPS);
        assertFalse(item(stats, "a").negativeDiscrimination());

        // b = 1,1,0,0 (dev .5,.5,-.5,-.5); rest (a+c+trick) = 2,1,2,1 (dev .5,-.5,.5,-.5)
        // Sxy = .25 - .25 - .25 + .25 = 0 -> index 0, defined but not negative
        assertEquals(0.0, item(stats, "b").discriminationIndex(), EPS);
        assertFalse(item(stats, "b").negativeDiscrimination());
    }

    @Test
    void cronbachAlphaTextbookExample() {
        // Guttman fixture: item variances q1 .25, q2 1/3, q3 .25 -> Σ = 5/6
        // totals 3,2,1,0: mean 1.5, SS = 2.25 + .25 + .25 + 2.25 = 5, var = 5/3
        // alpha = 3/2 × (1 − (5/6)/(5/3)) = 1.5 × .5 = .75
        assertEquals(0.75, ItemStatistics.compute(guttman()).cronbachAlpha(), EPS);
    }

    @Test
    void cronbachAlphaCanBeNegative() {
        // trick fixture: item variances a .25, b 1/3, c .25, trick 1/3 -> Σ = 7/6
        // totals 3,2,2,1: mean 2, SS = 1 + 0 + 0 + 1 = 2, var = 2/3
        // alpha = 4/3 × (1 − (7/6)/(2/3)) = 4/3 × (1 − 7/4) = −1
        assertEquals(-1.0, ItemStatistics.compute(withTrickItem()).cronbachAlpha(), EPS);
    }

    @Test
    void optionCountsSkipNullsAndItemsAreOrderedById() {
        TestStatistics stats = ItemStatistics.compute(List.of(
                new AttemptScores(1, List.of(new ItemResponse("q3", 1, "B"), new ItemResponse("q1", 1, "A"),
                        new ItemResponse("q2", 0, "true"))),
                new AttemptScores(2, List.of(new ItemResponse("q2", 1, "false"), new ItemResponse("q1", 1, "A"),
                        new ItemResponse("q3", 0, null))),
                new AttemptScores(3, List.of(new ItemResponse("q1", 0, "C"), new ItemResponse("q3", 0, "B"),
                        new ItemResponse("q2", 0, "true"))),
                new AttemptScores(4, List.of(new ItemResponse("q1", 0, null), new ItemResponse("q2", 1, "false"),
                        new ItemResponse("q3", 1, "D")))));
        assertEquals(List.of("q1", "q2", "q3"), stats.items().stream().map(ItemStats::questionId).toList());
        // q1: A, A, C, null -> A=2, C=1
        assertEquals(Map.of("A", 2, "C", 1), item(stats, "q1").optionCounts());
        assertEquals(Map.of("true", 2, "false", 2), item(stats, "q2").optionCounts());
        // q3: B, null, B, D -> B=2, D=1 ; sorted by label
        assertEquals(Map.of("B", 2, "D", 1), item(stats, "q3").optionCounts());
        assertEquals(List.of("B", "D"), List.copyOf(item(stats, "q3").optionCounts().keySet()));
    }

    /*
     * Random draws: q1 and q2 are fixed, the third slot draws r1 or r2.
     *          q1 q2 r1 r2 | total | percent
     *   A1      1  1  1  - |   3   | 100
     *   A2      1  0  -  0 |   1   |  33.33
     *   A3      0  0  0  - |   0   |   0
     *   A4      1  1  -  1 |   3   | 100
     */
    @Test
    void attemptsWithDifferentDrawnItems() {
        TestStatistics stats = ItemStatistics.compute(List.of(
                attempt(1, "q1", 1, "q2", 1, "r1", 1),
                attempt(2, "q1", 1, "q2", 0, "r2", 0),
                attempt(3, "q1", 0, "q2", 0, "r1", 0),
                attempt(4, "q1", 1, "q2", 1, "r2", 1)));
        // mean = 233.33/4 = 58.33; dev 41.67,-25,-58.33,41.67 -> SS = 1736.11+625+3402.78+1736.11 = 7500, var 2500, sd 50
        assertEquals(58.33333333, stats.meanPercent(), EPS);
        assertEquals(50.0, stats.standardDeviationPercent(), EPS);

        ItemStats r1 = item(stats, "r1");
        assertEquals(2, r1.responses());
        assertEquals(50.0, r1.facilityPercent(), EPS);
        // r1 over A1, A3 only: scores 1,0 vs rest 2,0 -> two points on a rising line, r = 1
        assertEquals(100.0, r1.discriminationIndex(), EPS);
        // r1 = 1,0: mean .5, SS = .5, var .5, sd = .707107
        assertEquals(0.70710678, r1.standardDeviation(), EPS);

        // q1 = 1,1,0,1 (dev .25,.25,-.75,.25, Sxx = .75); rest = q2 + drawn = 2,0,0,2 (dev 1,-1,-1,1, Syy = 4)
        // Sxy = .25 - .25 + .75 + .25 = 1; r = 1 / sqrt(3) = .577350
        assertEquals(57.73502692, item(stats, "q1").discriminationIndex(), EPS);
        // q2 = 1,0,0,1 (dev ±.5, Sxx = 1); rest = q1 + drawn = 2,1,0,2 (mean 1.25, Syy = 2.75)
        // Sxy = .375 + .125 + .625 + .375 = 1.5; r = 1.5 / sqrt(2.75) = .904534
        assertEquals(90.45340337, item(stats, "q2").discriminationIndex(), EPS);

        // alpha only over q1, q2 (in every attempt): var q1 .25, var q2 1/3, Σ = 7/12
        // totals q1+q2 = 2,1,0,2: mean 1.25, SS = 2.75, var 11/12
        // alpha = 2/1 × (1 − (7/12)/(11/12)) = 2 × 4/11 = 8/11 = .727273
        assertEquals(0.72727273, stats.cronbachAlpha(), EPS);
    }

    @Test
    void emptyInput() {
        for (TestStatistics stats : List.of(ItemStatistics.compute(List.of()), ItemStatistics.compute(null))) {
            assertEquals(0, stats.attempts());
            assertEquals(0.0, stats.meanPercent(), EPS);
            assertEquals(0.0, stats.standardDeviationPercent(), EPS);
            assertNull(stats.cronbachAlpha());
            assertTrue(stats.items().isEmpty());
        }
    }

    @Test
    void singleAttempt() {
        // 1 of 2 right -> 50 %; nothing can vary with one attempt
        TestStatistics stats = ItemStatistics.compute(List.of(attempt(7, "q1", 1, "q2", 0)));
        assertEquals(1, stats.attempts());
        assertEquals(50.0, stats.meanPercent(), EPS);
        assertEquals(0.0, stats.standardDeviationPercent(), EPS);
        assertNull(stats.cronbachAlpha());
        ItemStats q1 = item(stats, "q1");
        assertEquals(100.0, q1.facilityPercent(), EPS);
        assertNull(q1.discriminationIndex());
        assertFalse(q1.negativeDiscrimination());
        assertNull(q1.standardDeviation());
    }

    @Test
    void zeroVarianceGivesNulls() {
        // everyone gets everything right: item and total variance 0
        TestStatistics stats = ItemStatistics.compute(List.of(
                attempt(1, "q1", 1, "q2", 1), attempt(2, "q1", 1, "q2", 1), attempt(3, "q1", 1, "q2", 1)));
        assertEquals(100.0, stats.meanPercent(), EPS);
        assertEquals(0.0, stats.standardDeviationPercent(), EPS);
        assertNull(stats.cronbachAlpha());
        assertNull(item(stats, "q1").discriminationIndex());
        assertEquals(0.0, item(stats, "q1").standardDeviation(), EPS);
    }

    @Test
    void constantItemAgainstVaryingRestHasNoDiscrimination() {
        // q1 = .1 in every attempt (its float mean is not exactly .1), rest q2 = 1,0,1 varies
        TestStatistics stats = ItemStatistics.compute(List.of(
                attempt(1, "q1", 0.1, "q2", 1), attempt(2, "q1", 0.1, "q2", 0), attempt(3, "q1", 0.1, "q2", 1)));
        assertNull(item(stats, "q1").discriminationIndex());
        assertFalse(item(stats, "q1").negativeDiscrimination());
        // q2's rest (q1) is constant too
        assertNull(item(stats, "q2").discriminationIndex());
        // alpha: var q1 = 0, var q2 = 1/3 (1,0,1: mean 2/3, SS = 1/9+4/9+1/9 = 2/3, /2), totals 1.1,.1,1.1 -> var 1/3
        // alpha = 2 × (1 − (1/3)/(1/3)) = 0
        assertEquals(0.0, stats.cronbachAlpha(), EPS);
    }

    @Test
    void alphaNeedsTwoItemsCommonToAllAttempts() {
        // only q1 is in every attempt (k = 1): no alpha, even though total scores vary
        TestStatistics stats = ItemStatistics.compute(List.of(
                attempt(1, "q1", 1, "r1", 1), attempt(2, "q1", 0, "r2", 0), attempt(3, "q1", 1, "r2", 0)));
        assertNull(stats.cronbachAlpha());
        assertNotNull(item(stats, "q1").discriminationIndex());
        // r1 drawn once: one response, nothing to correlate
        assertEquals(1, item(stats, "r1").responses());
        assertNull(item(stats, "r1").discriminationIndex());
        assertNull(item(stats, "r1").standardDeviation());
    }

    @Test
    void attemptWithoutItemsCountsAsZeroPercent() {
        // percents 100 and 0 -> mean 50; dev ±50, SS = 5000, var 5000, sd 70.710678
        TestStatistics stats = ItemStatistics.compute(List.of(attempt(1, "q1", 1), new AttemptScores(2, List.of())));
        assertEquals(2, stats.attempts());
        assertEquals(50.0, stats.meanPercent(), EPS);
        assertEquals(70.71067812, stats.standardDeviationPercent(), EPS);
        assertEquals(1, item(stats, "q1").responses());
    }

    @Test
    void invalidInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new ItemResponse("q1", 1.5, null));
        assertThrows(IllegalArgumentException.class, () -> new ItemResponse("q1", Double.NaN, null));
        assertThrows(IllegalArgumentException.class, () -> attempt(1, "q1", 1, "q1", 0));
    }
}
