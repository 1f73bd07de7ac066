package com.servicecraft.selfassessment;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Gaps between the two rounds, and which qualities to work on. */
class SelfAssessmentResultTest {
    static final List<String> IDS = List.of("calm", "listen", "care", "humility", "product");

    @Test
    void changeIsEndMinusStartAndTheLowestLatestScoresAreTheFocus() {
        SelfAssessmentResult r = SelfAssessmentResult.of(IDS,
                Map.of("calm", 2, "listen", 3, "care", 4, "humility", 1, "product", 3),
                Map.of("calm", 4, "listen", 3, "care", 5, "humility", 2, "product", 2));
        SelfAssessmentResult.Row calm = r.rows().get(0);
        assertEquals(2, calm.change());
        assertEquals(List.of("product", "humility", "listen", "calm", "care"), r.byGap().stream().map(SelfAssessmentResult.Row::statementId).toList());
        assertEquals(List.of("listen", "humility", "product"), r.rows().stream().filter(SelfAssessmentResult.Row::focus)
                .map(SelfAssessmentResult.Row::statementId).toList());
    }

    @Test
    void withOnlyTheStartRoundTheStartScoresDecide() {
        SelfAssessmentResult r = SelfAssessmentResult.of(IDS, Map.of("calm", 5, "listen", 1, "care", 2, "humility", 3, "product", 4), null);
        assertNull(r.rows().get(0).change());
        assertEquals(List.of("listen", "care", "humility"), r.rows().stream().filter(SelfAssessmentResult.Row::focus)
                .map(SelfAssessmentResult.Row::statementId).toList());
    }
}
