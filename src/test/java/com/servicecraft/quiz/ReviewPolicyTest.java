package com.servicecraft.quiz;

import com.servicecraft.content.QuizSettings.Review;
import com.servicecraft.content.QuizSettings.ReviewOptions;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The review rule, one review option at a time, for the trainee and for trainers. */
class ReviewPolicyTest {

    private static ReviewVisibility afterSubmit(Review... options) {
        return ReviewPolicy.decide(new ReviewOptions(Set.of(options), Set.of()), AttemptKind.MODULE_QUIZ, false, false);
    }

    @Test
    void noOptionShowsNothing() {
        assertEquals(ReviewVisibility.NOTHING, afterSubmit());
        assertFalse(afterSubmit().perQuestion());
    }

    @Test
    void scoreShowsTheScoreAndNoQuestion() {
        assertEquals(new ReviewVisibility(true, false, false, false, false), afterSubmit(Review.SCORE));
        assertFalse(afterSubmit(Review.SCORE).perQuestion(), "score only: not even right/wrong per question");
    }

    @Test
    void correctnessShowsRightOrWrongPerQuestionOnly() {
        assertEquals(new ReviewVisibility(false, true, false, false, false), afterSubmit(Review.CORRECTNESS));
        assertTrue(afterSubmit(Review.CORRECTNESS).perQuestion());
    }

    @Test
    void responsesShowTheTraineesOwnAnswersOnly() {
        assertEquals(new ReviewVisibility(false, false, true, false, false), afterSubmit(Review.RESPONSES));
    }

    @Test
    void answersBringTheTraineesAnswersAndTheirMarks() {
        assertEquals(new ReviewVisibility(false, true, true, true, false), afterSubmit(Review.ANSWERS));
    }

    @Test
    void explanationsShowFeedbackOnly() {
        assertEquals(new ReviewVisibility(false, false, false, false, true), afterSubmit(Review.EXPLANATIONS));
    }

    @Test
    void afterCloseAddsItsOptionsOnlyOnceTheQuizIsClosedForTheTrainee() {
        ReviewOptions options = new ReviewOptions(Set.of(Review.SCORE), Set.of(Review.ANSWERS, Review.EXPLANATIONS));
        assertEquals(new ReviewVisibility(true, false, false, false, false),
                ReviewPolicy.decide(options, AttemptKind.MODULE_QUIZ, false, false), "attempts left: a later attempt must not know the keys");
        assertEquals(ReviewVisibility.EVERYTHING, ReviewPolicy.decide(options, AttemptKind.MODULE_QUIZ, true, false));
    }

    @Test
    void thePostCourseTestNeverClosesForTrainees() {
        ReviewOptions options = new ReviewOptions(Set.of(Review.SCORE), Set.of(Review.SCORE, Review.ANSWERS, Review.EXPLANATIONS));
        assertEquals(new ReviewVisibility(true, false, false, false, false), ReviewPolicy.decide(options, AttemptKind.POST_TEST, true, false));
    }

    @Test
    void trainersSeeEverything() {
        ReviewOptions none = new ReviewOptions(Set.of(), Set.of());
        for (AttemptKind kind : AttemptKind.values()) {
            assertEquals(ReviewVisibility.EVERYTHING, ReviewPolicy.decide(none, kind, false, true));
        }
    }
}
