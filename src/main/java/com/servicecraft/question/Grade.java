package com.servicecraft.question;

import java.util.Map;

/**
 * The result of grading one answer. {@code fraction} is 0..1; it is null when a trainer still has
 * to grade (free text) or when the item is not scored (self-rating, reflection).
 */
public record Grade(Double fraction, boolean pendingTrainer, Map<String, Object> detail) {
    public static Grade of(double fraction) {
        return new Grade(Math.max(0, Math.min(1, fraction)), false, Map.of());
    }

    public static Grade of(double fraction, Map<String, Object> detail) {
        return new Grade(Math.max(0, Math.min(1, fraction)), false, detail);
    }

    public static Grade pending() {
        return new Grade(null, true, Map.of());
    }

    public static Grade unscored() {
        return new Grade(null, false, Map.of());
    }

    public boolean scored() {
        return fraction != null || pendingTrainer;
    }
}
