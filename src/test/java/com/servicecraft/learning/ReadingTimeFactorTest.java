package com.servicecraft.learning;

import com.servicecraft.content.Lesson;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SERVICECRAFT_READING_TIME_FACTOR scales every lesson's minimum; a bad value names the setting. */
class ReadingTimeFactorTest {
    private static final Lesson LESSON = new Lesson("l", "m", "01-l", 5, 101, Map.of());

    @Test
    void theRequiredTimeIsTheMinimumTimesTheFactorRoundedUp() {
        assertEquals(101, new ReadingTimeFactor(1).requiredSeconds(LESSON));
        assertEquals(51, new ReadingTimeFactor(0.5).requiredSeconds(LESSON));
        assertEquals(0, new ReadingTimeFactor(0).requiredSeconds(LESSON));
    }

    @Test
    void aValueOutOfRangeIsRefusedNamingTheSetting() {
        for (double bad : new double[] {-1, 11, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ReadingTimeFactor(bad));
            assertTrue(e.getMessage().contains("SERVICECRAFT_READING_TIME_FACTOR"), e.getMessage());
        }
    }
}
