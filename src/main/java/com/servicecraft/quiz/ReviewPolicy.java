package com.servicecraft.quiz;

import com.servicecraft.content.QuizSettings;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.UserInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The one rule of what a submitted attempt may show, and to whom. The trainee sees what the quiz's
 * {@code review.afterSubmit} allows, plus {@code review.afterClose} once the quiz is closed for
 * them (no attempt left and none open). The post-course test never closes for trainees by itself:
 * colleagues take it later, so its answers stay with the trainers. Trainers and administrators
 * looking at someone else's attempt (access is checked where the attempt is loaded) see
 * everything. An open attempt shows nothing. A quiz no longer in the content shows only the score.
 */
@ApplicationScoped
public class ReviewPolicy {
    private AttemptPlans plans;
    private AttemptService attempts;
    private CurrentUser currentUser;

    protected ReviewPolicy() {
    }

    @Inject
    public ReviewPolicy(AttemptPlans plans, AttemptService attempts, CurrentUser currentUser) {
        this.plans = plans;
        this.attempts = attempts;
        this.currentUser = currentUser;
    }

    /** The rule itself, without a database: what the trainee sees, or a trainer ({@code trainer}: everything). */
    public static ReviewVisibility decide(QuizSettings.ReviewOptions options, AttemptKind kind, boolean closedForTrainee, boolean trainer) {
        if (trainer) {
            return ReviewVisibility.EVERYTHING;
        }
        Set<QuizSettings.Review> allowed = EnumSet.noneOf(QuizSettings.Review.class);
        allowed.addAll(options.afterSubmit());
        if (closedForTrainee && kind != AttemptKind.POST_TEST) {
            allowed.addAll(options.afterClose());
        }
        return ReviewVisibility.of(allowed);
    }

    /** What the signed-in user may see of this attempt (theirs, or one a trainer or administrator was allowed to load). */
    public ReviewVisibility forViewer(Attempt a) {
        SignedInUser me = currentUser.require();
        if (a.getUserId() != me.id()) {
            return me.hasRole(Role.TRAINER) || me.hasRole(Role.ADMIN) ? ReviewVisibility.EVERYTHING : ReviewVisibility.NOTHING;
        }
        return forTrainee(a);
    }

    /** What the attempt's own trainee may see of it, whoever asks (e.g. for a notification a trainer's action sends). */
    public ReviewVisibility forTrainee(Attempt a) {
        return forTrainee(a, () -> attempts.standingOf(a.getUserId(), a.getKind(), a.getSourceId()));
    }

    /** The same inside the caller's transaction (e.g. a trainer's grading that notifies the trainee in the same commit). */
    public ReviewVisibility forTrainee(EntityManager em, Attempt a) {
        return forTrainee(a, () -> attempts.standingOf(em, a.getUserId(), a.getKind(), a.getSourceId()));
    }

    private ReviewVisibility forTrainee(Attempt a, Supplier<AttemptService.Standing> standingOfTrainee) {
        if (a.getStatus().isOpen()) {
            return ReviewVisibility.NOTHING;
        }
        QuizSettings settings;
        try {
            settings = plans.plan(a.getKind(), a.getSourceId()).settings();
        } catch (UserInputException removedFromContent) {
            return ReviewVisibility.of(EnumSet.of(QuizSettings.Review.SCORE));
        }
        AttemptService.Standing standing = standingOfTrainee.get();
        boolean closed = standing.allowed() > 0 && standing.used() >= standing.allowed() && standing.open().isEmpty();
        return decide(settings.review(), a.getKind(), closed, false);
    }
}
