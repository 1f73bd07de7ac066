package com.servicecraft.quiz;

import com.servicecraft.content.QuizSettings;
import com.servicecraft.shared.UserInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a submitted attempt may show. The trainee sees what the settings allow after submission,
 * and what they allow after the quiz closes, once no further attempt is possible. The post-course
 * test never closes for trainees by itself: colleagues take it later, so its answers stay with the
 * trainers (who see everything).
 */
@ApplicationScoped
public class ReviewPolicy {
    private final AttemptPlans plans;
    private final AttemptService attempts;

    @Inject
    public ReviewPolicy(AttemptPlans plans, AttemptService attempts) {
        this.plans = plans;
        this.attempts = attempts;
    }

    public Set<QuizSettings.Review> allowed(AttemptService.AttemptData data, boolean asTrainer) {
        if (asTrainer) {
            return EnumSet.allOf(QuizSettings.Review.class);
        }
        Attempt a = data.attempt();
        QuizSettings settings;
        try {
            settings = plans.plan(a.getKind(), a.getSourceId()).settings();
        } catch (UserInputException removedFromContent) {
            return EnumSet.of(QuizSettings.Review.SCORE);
        }
        AttemptService.Standing standing = attempts.standing(a.getKind(), a.getSourceId());
        boolean closed = a.getKind() != AttemptKind.POST_TEST
                && standing.allowed() > 0 && standing.used() >= standing.allowed() && standing.open().isEmpty();
        Set<QuizSettings.Review> allowed = EnumSet.noneOf(QuizSettings.Review.class);
        allowed.addAll(settings.review().afterSubmit());
        if (closed) {
            allowed.addAll(settings.review().afterClose());
        }
        return allowed;
    }
}
