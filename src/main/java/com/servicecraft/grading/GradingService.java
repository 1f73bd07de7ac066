package com.servicecraft.grading;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.TrainerScope;
import com.servicecraft.identity.User;
import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationTexts;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.quiz.AnswerCodec;
import com.servicecraft.quiz.Answer;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.AttemptStatus;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.quiz.question.FreeTextQuestion;
import com.servicecraft.quiz.question.Question;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The trainer's grading queue: scored free-text answers of submitted attempts that wait for a
 * trainer, oldest first. A trainer sees and grades only the work of trainees they answer for
 * ({@link TrainerScope}: members of their own groups, and trainees in no group); an
 * administrator, everybody's. Grading an answer notifies the trainee in the same transaction.
 */
@ApplicationScoped
public class GradingService {
    private static final Logger LOG = Logger.getLogger(GradingService.class.getName());
    private static final int QUEUE_LIMIT = 500;

    private final Transactions tx;
    private final CurrentUser currentUser;
    private final AttemptService attempts;
    private final QuestionCatalog catalog;
    private final NotificationWriter notifications;
    private final ContentRepository content;
    private final ReviewPolicy reviewPolicy;

    @Inject
    public GradingService(Transactions tx, CurrentUser currentUser, AttemptService attempts, QuestionCatalog catalog,
                          NotificationWriter notifications, ContentRepository content,
                          ReviewPolicy reviewPolicy) {
        this.reviewPolicy = reviewPolicy;
        this.tx = tx;
        this.currentUser = currentUser;
        this.attempts = attempts;
        this.catalog = catalog;
        this.notifications = notifications;
        this.content = content;
    }

    /** One answer waiting in the queue. */
    public record Waiting(long itemId, long attemptId, String username, String displayName, String kind, String sourceId,
                          String questionId, Instant submittedAt) implements Serializable {
    }

    /** What a trainer needs to grade one answer. */
    public record Work(long itemId, long attemptId, String username, String displayName, String title, String prompt,
                       String answer, List<Criterion> rubric, String modelAnswer, int maxPoints, Instant submittedAt)
            implements Serializable {
    }

    /** A rubric line in the reader's language. */
    public record Criterion(String id, String text, int points) implements Serializable {
    }

    public List<Waiting> queue() {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        boolean all = me.hasRole(Role.ADMIN);
        List<?> rows = tx.read(em -> {
            var q = em.createNativeQuery("select i.id, i.attempt_id, u.username, u.display_name, a.kind, a.source_id, i.question_id,"
                    + " a.submitted_at, i.module_id, i.module_version from attempt_item i join attempt a on a.id = i.attempt_id"
                    + " join app_user u on u.id = a.user_id"
                    + " where a.status = 'AWAITING_TRAINER' and i.question_type = 'free-text' and i.graded_by is null"
                    + " and a.user_id <> ?" + (all ? "" : " and " + TrainerScope.condition("a.user_id"))
                    + " order by a.submitted_at, a.id, i.position").setParameter(1, me.id());
            if (!all) {
                q.setParameter(2, me.id());
            }
            return q.setMaxResults(QUEUE_LIMIT).getResultList();
        });
        List<Waiting> out = new ArrayList<>();
        for (Object o : rows) {
            Object[] r = (Object[]) o;
            Question question = catalog.question((String) r[8], (String) r[9], (String) r[6]);
            if (question.scored()) {
                out.add(new Waiting(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3],
                        (String) r[4], (String) r[5], (String) r[6], com.servicecraft.shared.persistence.SqlValues.instant(r[7])));
            }
        }
        return out;
    }

    /** One waiting answer with its rubric, for a trainer who answers for its author. */
    public Work open(long itemId, Language lang) {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        return tx.read(em -> {
            AttemptItem item = em.find(AttemptItem.class, itemId);
            if (item == null) {
                throw new UserInputException("grading.notFound");
            }
            Attempt a = em.find(Attempt.class, item.getAttemptId());
            requireScope(em, me, a);
            Question q = catalog.question(item.getModuleId(), item.getModuleVersion(), item.getQuestionId());
            if (!(q instanceof FreeTextQuestion f) || !f.scored()) {
                throw new UserInputException("grading.notWritten");
            }
            if (a.getStatus() != AttemptStatus.AWAITING_TRAINER || item.getGradedBy() != null) {
                throw new UserInputException("grading.alreadyGraded");
            }
            User trainee = em.find(User.class, a.getUserId());
            Answer answer = AnswerCodec.read(item.getResponse());
            return new Work(itemId, a.getId(), trainee.getUsername(), trainee.getDisplayName(),
                    NotificationTexts.work(a.getKind().name(), a.getSourceId(), content.course(), lang),
                    f.info().prompt() == null ? "" : f.info().prompt().in(lang),
                    answer instanceof Answer.Text t ? t.text() : "",
                    f.rubric().stream().map(c -> new Criterion(c.id(), c.criterion().in(lang), c.points())).toList(),
                    f.modelAnswer() == null ? null : f.modelAnswer().in(lang), f.maxPoints(), a.getSubmittedAt());
        });
    }

    /**
     * Grades one answer against its rubric, with a comment, and notifies the trainee (once per
     * answer). Returns whether the attempt is now complete.
     */
    public AttemptService.WrittenGrade grade(long itemId, Map<String, Integer> rubricPoints, String comment) {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        return tx.inTransactionRetryingDeadlocks(em -> {
            long traineeId = attempts.lockWrittenItem(em, itemId);
            if (!TrainerScope.mayActFor(em, me, traineeId)) {
                LOG.warning(() -> "Refused: " + me.username() + " may not grade answer " + itemId + " of user " + traineeId);
                throw new AccessDeniedException("answer of a trainee outside " + me.username() + "'s groups");
            }
            AttemptService.WrittenGrade g = attempts.gradeWritten(em, me, itemId, rubricPoints, comment);
            Attempt a = g.attempt();
            // The notice says no more than the result page would: points only where the review shows marks.
            if (reviewPolicy.forTrainee(em, a).correctness()) {
                notifications.notify(em, a.getUserId(), NotificationKind.WORK_GRADED, "graded:" + itemId,
                        Map.of("workKind", a.getKind().name(), "sourceId", a.getSourceId(),
                                "points", String.valueOf(g.points()), "maxPoints", String.valueOf(g.maxPoints())),
                        "/learn/result.xhtml?id=" + a.getId());
            } else {
                notifications.notify(em, a.getUserId(), NotificationKind.WORK_GRADED_UNMARKED, "graded:" + itemId,
                        Map.of("workKind", a.getKind().name(), "sourceId", a.getSourceId()), "/learn/result.xhtml?id=" + a.getId());
            }
            return g;
        });
    }

    private static void requireScope(EntityManager em, SignedInUser me, Attempt a) {
        if (a == null || !TrainerScope.mayActFor(em, me, a.getUserId())) {
            LOG.warning(() -> "Refused: " + me.username() + " may not grade attempt " + (a == null ? null : a.getId()));
            throw new AccessDeniedException("attempt of a trainee outside " + me.username() + "'s groups");
        }
    }

}
