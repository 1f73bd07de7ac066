package com.servicecraft.lti;

import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptStatus;
import com.servicecraft.quiz.GradedAttemptListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Puts a graded attempt's score into the outbox ({@code lti_score_outbox}), in the grading
 * transaction, for every line item it belongs to: a resource link of a platform the person came
 * from ({@code lti_user_link}) that opens this module quiz ({@code quiz:<module>}), the post-course
 * test ({@code posttest}) or this exercise ({@code exercise:<id>}, e.g. written work), has a line item
 * and lies in a context the person launched from. An attempt that waits for a trainer sends
 * {@code Submitted}/{@code PendingManual} (once), then {@code Completed}/{@code FullyGraded} with the
 * score when the trainer has graded it. Attempts without such a line item send nothing. A newer score for the same line item and person supersedes one not
 * yet sent, so a gradebook never goes back to an older state. {@link ScoreOutbox} sends them.
 */
@ApplicationScoped
public class LtiScores implements GradedAttemptListener {
    public static final String FULLY_GRADED = "FullyGraded";
    public static final String PENDING_MANUAL = "PendingManual";
    /** The line items' maximum (Deep Linking creates them with scoreMaximum 100): the score is the percentage. */
    static final double SCORE_MAXIMUM = 100.0;

    private Clock clock;

    protected LtiScores() {
    }

    @Inject
    public LtiScores(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void graded(EntityManager em, Attempt a) {
        boolean full = a.getStatus() == AttemptStatus.GRADED;
        if (!full && a.getStatus() != AttemptStatus.AWAITING_TRAINER) {
            return;
        }
        String grading = full ? FULLY_GRADED : PENDING_MANUAL;
        Number already = (Number) em.createNativeQuery("SELECT COUNT(*) FROM lti_score_outbox WHERE attempt_id = ? AND grading_progress = ?")
                .setParameter(1, a.getId()).setParameter(2, grading).getSingleResult();
        if (already.longValue() > 0) {
            return;
        }
        String target = switch (a.getKind()) {
            case POST_TEST -> "posttest";
            case MODULE_QUIZ -> "quiz:" + a.getSourceId();
            case EXERCISE -> "exercise:" + a.getSourceId();
        };
        List<?> lineItems = em.createNativeQuery("SELECT DISTINCT u.platform_id, u.subject, r.lineitem_url FROM lti_user_link u"
                        + " JOIN lti_resource_link r ON r.platform_id = u.platform_id"
                        + " JOIN lti_platform p ON p.id = u.platform_id"
                        + " WHERE u.user_id = ? AND r.target = ? AND r.lineitem_url IS NOT NULL AND p.enabled = TRUE"
                        + " AND (r.context_row_id IS NULL OR EXISTS (SELECT 1 FROM lti_context_member m"
                        + " WHERE m.context_row_id = r.context_row_id AND m.user_id = u.user_id))")
                .setParameter(1, a.getUserId()).setParameter(2, target).getResultList();
        if (lineItems.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        Instant at = full ? firstOf(a.getGradedAt(), now) : firstOf(a.getSubmittedAt(), now);
        Double given = full && a.getScorePercent() != null ? Math.round(a.getScorePercent() * 100.0) / 100.0 : null;
        for (Object row : lineItems) {
            Object[] r = (Object[]) row;
            long platformId = ((Number) r[0]).longValue();
            String subject = (String) r[1];
            String lineItem = (String) r[2];
            em.createNativeQuery("UPDATE lti_score_outbox SET state = 'SUPERSEDED' WHERE platform_id = ? AND lineitem_url = ?"
                            + " AND subject = ? AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)")
                    .setParameter(1, platformId).setParameter(2, lineItem).setParameter(3, subject)
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
            em.createNativeQuery("INSERT INTO lti_score_outbox (platform_id, lineitem_url, subject, user_id, attempt_id, score_given,"
                            + " score_maximum, activity_progress, grading_progress, score_timestamp, state, attempts, next_try_at, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)")
                    .setParameter(1, platformId).setParameter(2, lineItem).setParameter(3, subject).setParameter(4, a.getUserId())
                    .setParameter(5, a.getId()).setParameter(6, given).setParameter(7, full ? SCORE_MAXIMUM : null)
                    .setParameter(8, full ? "Completed" : "Submitted").setParameter(9, grading)
                    .setParameter(10, Timestamp.from(at)).setParameter(11, Timestamp.from(now)).setParameter(12, Timestamp.from(now))
                    .executeUpdate();
        }
    }

    private static Instant firstOf(Instant a, Instant b) {
        return a != null ? a : b;
    }
}
