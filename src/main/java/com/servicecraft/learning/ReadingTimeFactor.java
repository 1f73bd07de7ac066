package com.servicecraft.learning;

import com.servicecraft.content.Lesson;
import com.servicecraft.shared.settings.Settings;

/**
 * {@code SERVICECRAFT_READING_TIME_FACTOR}: the operator's multiplier of every lesson's minimum
 * reading time (default 1; 0.5 halves it; 0 turns the minimum off, as the browser tests do).
 */
public record ReadingTimeFactor(double value) {
    public static final String SETTING = "SERVICECRAFT_READING_TIME_FACTOR";
    public static final double MAX = Settings.MAX_READING_TIME_FACTOR;

    public ReadingTimeFactor {
        if (Double.isNaN(value) || value < 0 || value > MAX) {
            throw new IllegalArgumentException(SETTING + " must be a number from 0 to " + (int) MAX + ", not " + value);
        }
    }

    public static ReadingTimeFactor fromSettings() {
        return new ReadingTimeFactor(Settings.current().readingTimeFactor());
    }

    /** The engaged seconds this lesson needs here: its minimum times the factor, rounded up. */
    public int requiredSeconds(Lesson lesson) {
        return (int) Math.ceil(lesson.minReadSeconds() * value);
    }
}
