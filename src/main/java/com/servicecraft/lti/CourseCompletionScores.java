package com.servicecraft.lti;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Course completion as a score: queues one {@code Completed}/{@code FullyGraded} score in the outbox
 * ({@code lti_score_outbox}, sent by {@link ScoreOutbox}) for every person who came from a platform
 * through a link that opens the whole course ({@code course}) with a line item, once they completed
 * the course. Completion is not decided here: it is read from the course's certificate, which the
 * certificate job issues by the completion rules of {@code reporting.CompletionQuery} (all required
 * lessons, module quizzes and the post-course test; a certificate follows whatever completed the
 * course, also a trainer's grade or a grant). Only the table is read, so {@code lti} does not depend
 * on {@code certificate}. The score lags the certificate by at most {@value #INTERVAL_SECONDS} s.
 *
 * <p>Once per person and line item, also with several nodes: a course score is the outbox row of that
 * line item and person without an attempt ({@code attempt_id} NULL, FullyGraded); a node queues one
 * only while none exists, checked again after locking the person's link row ({@code lti_user_link},
 * SELECT … FOR UPDATE), so a second node waits and then finds the row. Running it again queues nothing.
 */
@ApplicationScoped
public class CourseCompletionScores {
    private static final Logger LOG = Logger.getLogger(CourseCompletionScores.class.getName());
    static final int INTERVAL_SECONDS = 60;

    /** The outbox rows of course completion: no attempt, fully graded. */
    private static final String QUEUED = "SELECT COUNT(*) FROM lti_score_outbox o WHERE o.platform_id = ? AND o.lineitem_url = ?"
            + " AND o.subject = ? AND o.attempt_id IS NULL AND o.grading_progress = '" + LtiScores.FULLY_GRADED + "'";

    private record Due(long platformId, String subject, long userId, String lineItem, Double certificateScore) {
    }

    private final Transactions tx;
    private final Clock clock;
    private final Supplier<String> courseId;
    private final PeriodicJobs jobs;

    @Inject
    public CourseCompletionScores(Transactions tx, Clock clock, ContentRepository content, PeriodicJobs jobs) {
        this(tx, clock, () -> {
            Course c = content.course();
            return c == null ? null : c.id();
        }, jobs);
    }

    /** {@code courseId}: the loaded course's id (null while none is). */
    public CourseCompletionScores(Transactions tx, Clock clock, Supplier<String> courseId, PeriodicJobs jobs) {
        this.tx = tx;
        this.clock = clock;
        this.courseId = courseId;
        this.jobs = jobs;
    }

    public void start() {
        jobs.every("lti-course-completion", Duration.ofSeconds(30), Duration.ofSeconds(INTERVAL_SECONDS), () -> {
            int queued = queuePending();
            if (queued > 0) {
                LOG.info(() -> "LTI: queued " + queued + " course completion score(s)");
            }
        });
    }

    /** Queues the course scores that are due; returns how many this call queued. */
    public int queuePending() {
        String course = courseId.get();
        if (course == null) {
            return 0;
        }
        List<Due> due = tx.read(em -> em.createNativeQuery("SELECT DISTINCT u.platform_id, u.subject, u.user_id, r.lineitem_url, c.score"
                        + " FROM lti_user_link u"
                        + " JOIN lti_resource_link r ON r.platform_id = u.platform_id"
                        + " JOIN lti_platform p ON p.id = u.platform_id"
                        + " JOIN certificate c ON c.user_id = u.user_id AND c.course_id = ?"
                        + " JOIN app_user a ON a.id = u.user_id"
                        + " WHERE r.target = 'course' AND r.lineitem_url IS NOT NULL AND p.enabled = TRUE"
                        + " AND a.deleted_at IS NULL"
                        + " AND (r.context_row_id IS NULL OR EXISTS (SELECT 1 FROM lti_context_member m"
                        + " WHERE m.context_row_id = r.context_row_id AND m.user_id = u.user_id))"
                        + " AND NOT EXISTS (SELECT 1 FROM lti_score_outbox o WHERE o.platform_id = u.platform_id"
                        + " AND o.lineitem_url = r.lineitem_url AND o.subject = u.subject AND o.attempt_id IS NULL"
                        + " AND o.grading_progress = '" + LtiScores.FULLY_GRADED + "')")
                .setParameter(1, course).getResultList().stream().map(o -> {
                    Object[] r = (Object[]) o;
                    return new Due(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), (String) r[3],
                            r[4] == null ? null : ((Number) r[4]).doubleValue());
                }).toList());
        int queued = 0;
        for (Due d : due) {
            queued += queue(d) ? 1 : 0;
        }
        return queued;
    }

    /**
     * In one transaction, holding the person's link row: queues the score unless another node just did. The lock is
     * the transaction's first statement, so on InnoDB (REPEATABLE READ) the check's snapshot begins after it and sees
     * the row a node that held the lock before committed.
     */
    private boolean queue(Due d) {
        return tx.inTransactionRetryingDeadlocks(em -> {
            List<?> link = em.createNativeQuery("SELECT user_id FROM lti_user_link WHERE platform_id = ? AND subject = ? FOR UPDATE")
                    .setParameter(1, d.platformId()).setParameter(2, d.subject()).getResultList();
            if (link.isEmpty() || ((Number) link.get(0)).longValue() != d.userId()) {
                return false;
            }
            Number already = (Number) em.createNativeQuery(QUEUED).setParameter(1, d.platformId()).setParameter(2, d.lineItem())
                    .setParameter(3, d.subject()).getSingleResult();
            if (already.longValue() > 0) {
                return false;
            }
            Instant now = clock.instant();
            // The course result as the completion record gives it: the certificate keeps the course row's best
            // score (the post-course test's best percentage, as the certificate and the HR records show it), out of
            // 100 like every line item of this tool. A course completed without a scored post-course test (a course
            // without one, or a grant) has no score there: completion itself is the result, so 100 of 100.
            double given = d.certificateScore() == null ? LtiScores.SCORE_MAXIMUM : Math.round(d.certificateScore() * 100.0) / 100.0;
            em.createNativeQuery("UPDATE lti_score_outbox SET state = 'SUPERSEDED' WHERE platform_id = ? AND lineitem_url = ?"
                            + " AND subject = ? AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)")
                    .setParameter(1, d.platformId()).setParameter(2, d.lineItem()).setParameter(3, d.subject())
                    .setParameter(4, Timestamp.from(now)).executeUpdate();
            em.createNativeQuery("INSERT INTO lti_score_outbox (platform_id, lineitem_url, subject, user_id, attempt_id, score_given,"
                            + " score_maximum, activity_progress, grading_progress, score_timestamp, state, attempts, next_try_at, created_at)"
                            + " VALUES (?, ?, ?, ?, NULL, ?, ?, 'Completed', ?, ?, 'PENDING', 0, ?, ?)")
                    .setParameter(1, d.platformId()).setParameter(2, d.lineItem()).setParameter(3, d.subject()).setParameter(4, d.userId())
                    .setParameter(5, given).setParameter(6, LtiScores.SCORE_MAXIMUM).setParameter(7, LtiScores.FULLY_GRADED)
                    .setParameter(8, Timestamp.from(now)).setParameter(9, Timestamp.from(now)).setParameter(10, Timestamp.from(now))
                    .executeUpdate();
            return true;
        });
    }
}
