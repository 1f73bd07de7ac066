package com.servicecraft.workbook;

import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptStatus;

import java.io.Serializable;
import java.time.Instant;

/**
 * One written answer in a trainee's workbook: where it was written (a reflection, another
 * exercise or a module quiz), the question, the answer, and the trainer's grade and comment
 * once there is one.
 */
public record WorkbookEntry(long attemptId, AttemptKind kind, String sourceId, String sourceTitle, boolean reflection,
                            String prompt, String answer, AttemptStatus status, Instant savedAt, Instant submittedAt,
                            Double fraction, String trainerComment, Instant gradedAt) implements Serializable {

    /** The grade in percent, or null while ungraded (or for reflections, which are not scored). */
    public Long percent() {
        return fraction == null ? null : Math.round(fraction * 100);
    }

    public boolean isDraft() {
        return status == AttemptStatus.IN_PROGRESS;
    }
}
