package com.servicecraft.grading;

import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;

/** One written answer as graded, and whether its attempt is now complete. */
public record WrittenGrade(Attempt attempt, AttemptItem item, int points, int maxPoints, boolean attemptCompleted) {
}
