package com.servicecraft.quiz;

import com.servicecraft.question.Grade;
import com.servicecraft.question.Answer;
import com.servicecraft.shared.LogSafe;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.TrainerScope;
import com.servicecraft.question.Question;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Runs attempts so that no saved answer is ever lost or forged: every answer is one conditional
 * UPDATE that only succeeds on the owner's open, unexpired attempt; submission is a conditional
 * status change that succeeds once; time limits are enforced with the server's clock.
 */
@ApplicationScoped
public class AttemptService {
    private static final Logger LOG = Logger.getLogger(AttemptService.class.getName());

    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final AttemptPlans plans;
    private final QuestionCatalog catalog;
    private final AttemptsExhaustedNotice exhausted;
    private final Iterable<GradedAttemptListener> listeners;

    @Inject
    public AttemptService(Transactions tx, Clock clock, CurrentUser currentUser, AttemptPlans plans, QuestionCatalog catalog,
                          AttemptsExhaustedNotice exhausted, @Any Instance<GradedAttemptListener> listeners) {
        this(tx, clock, currentUser, plans, catalog, exhausted, (Iterable<GradedAttemptListener>) listeners);
    }

    public AttemptService(Transactions tx, Clock clock, CurrentUser currentUser, AttemptPlans plans, QuestionCatalog catalog,
                          AttemptsExhaustedNotice exhausted) {
        this(tx, clock, currentUser, plans, catalog, exhausted, List.of());
    }

    /** Outside the container (tests): the listeners told of every graded attempt. */
    public AttemptService(Transactions tx, Clock clock, CurrentUser currentUser, AttemptPlans plans, QuestionCatalog catalog,
                          AttemptsExhaustedNotice exhausted, Iterable<GradedAttemptListener> listeners) {
        this.listeners = listeners;
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.plans = plans;
        this.catalog = catalog;
        this.exhausted = exhausted;
    }

    /** Without telling trainers about used-up attempts (for tests of other things). */
    public AttemptService(Transactions tx, Clock clock, CurrentUser currentUser, AttemptPlans plans, QuestionCatalog catalog) {
        this(tx, clock, currentUser, plans, catalog, null);
    }

    /** Attempts used and allowed for a source, for the start page. */
    public record Standing(int used, int allowed, Optional<Attempt> open, List<Attempt> finished) {
        public boolean canStart() {
            return open.isEmpty() && (allowed == 0 || used < allowed);
        }
    }

    public Standing standing(AttemptKind kind, String sourceId) {
        return standingOf(currentUser.require().id(), kind, sourceId);
    }

    /** One trainee's standing at a source, whoever asks (callers check that the asker may know it). */
    public Standing standingOf(long userId, AttemptKind kind, String sourceId) {
        return tx.read(em -> standingOf(em, userId, kind, sourceId));
    }

    /** The same inside the caller's transaction. */
    public Standing standingOf(EntityManager em, long userId, AttemptKind kind, String sourceId) {
        AttemptPlan plan = plans.plan(kind, sourceId);
        {
            List<Attempt> all = em.createQuery("select a from Attempt a where a.userId = :u and a.kind = :k and a.sourceId = :s order by a.attemptNumber", Attempt.class)
                    .setParameter("u", userId).setParameter("k", kind).setParameter("s", sourceId).getResultList();
            int allowed = plan.settings().attempts() == 0 ? 0 : plan.settings().attempts() + extraAttempts(em, userId, kind, sourceId);
            return new Standing(all.size(), allowed, all.stream().filter(a -> a.getStatus().isOpen()).findFirst(),
                    all.stream().filter(a -> !a.getStatus().isOpen()).toList());
        }
    }

    /** The trainee's open attempt of this source, or a new one if attempts remain. */
    public long startOrResume(AttemptKind kind, String sourceId) {
        SignedInUser me = currentUser.require();
        AttemptPlan plan = plans.plan(kind, sourceId);
        Optional<Long> open = openAttempt(me.id(), kind, sourceId);
        if (open.isPresent()) {
            return open.get();
        }
        try {
            return tx.inTransaction(em -> create(em, me.id(), plan));
        } catch (PersistenceException doubleClick) {
            // A second start raced us to the same attempt number: the unique key kept one; resume it.
            return openAttempt(me.id(), kind, sourceId).orElseThrow(() -> doubleClick);
        }
    }

    private Optional<Long> openAttempt(long userId, AttemptKind kind, String sourceId) {
        return tx.read(em -> em.createQuery("select a.id from Attempt a where a.userId = :u and a.kind = :k and a.sourceId = :s and a.status = :st", Long.class)
                .setParameter("u", userId).setParameter("k", kind).setParameter("s", sourceId)
                .setParameter("st", AttemptStatus.IN_PROGRESS).getResultStream().findFirst());
    }

    private long create(EntityManager em, long userId, AttemptPlan plan) {
        long used = em.createQuery("select count(a) from Attempt a where a.userId = :u and a.kind = :k and a.sourceId = :s", Long.class)
                .setParameter("u", userId).setParameter("k", plan.kind()).setParameter("s", plan.sourceId()).getSingleResult();
        int allowed = plan.settings().attempts();
        if (allowed > 0 && used >= allowed + extraAttempts(em, userId, plan.kind(), plan.sourceId())) {
            throw new UserInputException("quiz.noAttemptsLeft");
        }
        Instant now = clock.instant();
        Instant deadline = plan.settings().timeLimitMinutes() > 0 ? now.plus(Duration.ofMinutes(plan.settings().timeLimitMinutes())) : null;
        Attempt a = new Attempt(userId, plan.kind(), plan.sourceId(), (int) used + 1,
                plan.settings().isPractice() ? Attempt.Mode.PRACTICE : Attempt.Mode.TEST, plan.settings().passMark(), now, deadline);
        em.persist(a);
        em.flush();
        AttemptDraw draw = AttemptDraw.seeded();
        List<AttemptPlan.Pick> picks = draw.questions(plan);
        for (int i = 0; i < picks.size(); i++) {
            AttemptPlan.Pick p = picks.get(i);
            em.persist(new AttemptItem(a.getId(), i, p.moduleId(), p.moduleVersion(), p.question().id(), p.question().typeName(),
                    draw.optionMap(p.question(), plan.settings().shuffle())));
        }
        return a.getId();
    }

    /**
     * The attempt with its items, for its owner; for review also a trainer who acts for the
     * trainee, or an administrator ({@link TrainerScope}).
     */
    public AttemptData load(long attemptId) {
        SignedInUser me = currentUser.require();
        AttemptData data = tx.read(em -> {
            Attempt a = em.find(Attempt.class, attemptId);
            if (a == null || (a.getUserId() != me.id() && !TrainerScope.mayActFor(em, me, a.getUserId()))) {
                return null;
            }
            List<AttemptItem> items = em.createQuery("select i from AttemptItem i where i.attemptId = :a order by i.position", AttemptItem.class)
                    .setParameter("a", attemptId).getResultList();
            return new AttemptData(a, items);
        });
        if (data == null) {
            LOG.warning(() -> "Refused: " + me.username() + " asked for attempt " + attemptId);
            throw new AccessDeniedException("attempt " + attemptId);
        }
        return data;
    }

    /** An attempt and its items as stored. */
    public record AttemptData(Attempt attempt, List<AttemptItem> items) {
        public Optional<AttemptItem> item(int position) {
            return items.stream().filter(i -> i.getPosition() == position).findFirst();
        }
    }

    /** The listening-game passage is shown once: the first call marks it shown and returns true. */
    public boolean markPassageShown(long attemptId) {
        SignedInUser me = currentUser.require();
        return tx.inTransaction(em -> em.createNativeQuery(
                        "update attempt set passage_shown_at = ? where id = ? and user_id = ? and passage_shown_at is null and status = 'IN_PROGRESS'")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, attemptId).setParameter(3, me.id())
                .executeUpdate() == 1);
    }

    /**
     * Saves one answer: a single conditional UPDATE that only touches this item of the caller's own
     * open, unexpired attempt. When it changes nothing, one read says why.
     */
    public Instant save(long attemptId, AttemptItem item, Answer answer) {
        SignedInUser me = currentUser.require();
        Question q = catalog.question(item.getModuleId(), item.getModuleVersion(), item.getQuestionId());
        if (answer == null || !q.fits(answer)) {
            LOG.warning(() -> "Refused an answer that does not fit " + item.getQuestionId() + " from " + me.username());
            throw new AccessDeniedException("answer does not fit the question");
        }
        return write(me, attemptId, item.getPosition(), item.getQuestionId(), item.getModuleVersion(), answer);
    }

    /** What an autosave from the page stored: when, and whether the question now counts as answered. */
    public record Saved(Instant at, boolean answered) {
    }

    /**
     * The attempt page's autosave: the input as the page knows it (option tokens), for the item at
     * {@code position}. One read (the item, only if the attempt is the trainee's) and one write.
     */
    public Saved saveFromPage(long attemptId, int position, ClientAnswer input) {
        SignedInUser me = currentUser.require();
        Instant now = clock.instant();
        // Two self-guarding statements, no transaction needed: the option map read is immutable, and
        // the update re-checks owner, status and deadline itself.
        Saved saved = tx.autocommit(em -> {
            List<?> rows = em.createNativeQuery("select i.module_id, i.module_version, i.question_id, i.option_map"
                            + " from attempt_item i join attempt a on a.id = i.attempt_id where i.attempt_id = ? and i.position = ? and a.user_id = ?")
                    .setParameter(1, attemptId).setParameter(2, position).setParameter(3, me.id()).getResultList();
            if (rows.isEmpty()) {
                LOG.warning(() -> "Refused a save by " + me.username() + " into attempt " + attemptId + " position " + position);
                throw new AccessDeniedException("attempt " + attemptId);
            }
            Object[] row = (Object[]) rows.get(0);
            Question q = catalog.question((String) row[0], (String) row[1], (String) row[2]);
            Answer answer;
            try {
                answer = input.toAnswer(q, AnswerCodec.map((String) row[3]));
            } catch (AccessDeniedException e) {
                LOG.warning(() -> "Refused a forged answer by " + me.username() + " for " + LogSafe.text(row[2]) + ": " + LogSafe.text(e.getMessage()));
                throw e;
            }
            if (answer == null) {
                return new Saved(null, false);
            }
            if (!q.fits(answer)) {
                LOG.warning(() -> "Refused an answer that does not fit " + row[2] + " from " + me.username());
                throw new AccessDeniedException("answer does not fit the question");
            }
            int updated = update(em, me, attemptId, position, (String) row[2], (String) row[1], answer, now);
            return updated == 1 ? new Saved(now, q.complete(answer)) : null;
        });
        if (saved == null) {
            throw whyNotSaved(attemptId, me, now);
        }
        return saved;
    }

    private Instant write(SignedInUser me, long attemptId, int position, String questionId, String moduleVersion, Answer answer) {
        Instant now = clock.instant();
        int updated = tx.inTransaction(em -> update(em, me, attemptId, position, questionId, moduleVersion, answer, now));
        if (updated == 1) {
            return now;
        }
        throw whyNotSaved(attemptId, me, now);
    }

    /** The one write of an autosave: only into the trainee's own open attempt, before its deadline. */
    private static int update(EntityManager em, SignedInUser me, long attemptId, int position, String questionId, String moduleVersion,
                              Answer answer, Instant now) {
        return em.createNativeQuery(
                        "update attempt_item set response = ?, saved_at = ? where attempt_id = ? and position = ? and question_id = ?"
                                + " and module_version = ? and exists (select 1 from attempt a where a.id = ? and a.user_id = ?"
                                + " and a.status = 'IN_PROGRESS' and (a.deadline is null or a.deadline > ?))")
                .setParameter(1, AnswerCodec.write(answer)).setParameter(2, Timestamp.from(now))
                .setParameter(3, attemptId).setParameter(4, position).setParameter(5, questionId)
                .setParameter(6, moduleVersion).setParameter(7, attemptId).setParameter(8, me.id())
                .setParameter(9, Timestamp.from(now)).executeUpdate();
    }

    private RuntimeException whyNotSaved(long attemptId, SignedInUser me, Instant now) {
        Attempt a = tx.read(em -> em.find(Attempt.class, attemptId));
        if (a == null || a.getUserId() != me.id()) {
            LOG.warning(() -> "Refused a save by " + me.username() + " into attempt " + attemptId + " that is not theirs");
            return new AccessDeniedException("attempt " + attemptId);
        }
        if (!a.getStatus().isOpen()) {
            return new SaveRefusedException("quiz.alreadySubmitted");
        }
        if (a.isExpired(now)) {
            return new SaveRefusedException("quiz.timeUp");
        }
        LOG.warning(() -> "Refused a save by " + me.username() + " for a question not in attempt " + attemptId);
        return new AccessDeniedException("question not in attempt " + attemptId);
    }

    /**
     * Practice mode: the saved answer of one item, graded on the spot with its explanation. Only
     * for the owner of an open practice attempt, and only for an answered item.
     */
    public ReviewRow practiceFeedback(long attemptId, int position, com.servicecraft.shared.Language lang) {
        AttemptData data = load(attemptId);
        SignedInUser me = currentUser.require();
        if (data.attempt().getUserId() != me.id() || !data.attempt().isPractice() || !data.attempt().getStatus().isOpen()) {
            throw new AccessDeniedException("feedback is for one's own open practice attempt");
        }
        AttemptItem item = data.item(position).orElseThrow(() -> new AccessDeniedException("no such question"));
        if (item.getResponse() == null) {
            throw new UserInputException("quiz.answerFirst");
        }
        Question q = catalog.question(item.getModuleId(), item.getModuleVersion(), item.getQuestionId());
        Grade g = q.grade(AnswerCodec.read(item.getResponse()));
        return AttemptReview.row(item, q, g.fraction(), ReviewVisibility.EVERYTHING, lang);
    }

    /** Remembers where the trainee is, so a resumed attempt opens at the same question. */
    public void moveTo(long attemptId, int position) {
        SignedInUser me = currentUser.require();
        tx.run(em -> em.createNativeQuery("update attempt set current_position = ? where id = ? and user_id = ? and status = 'IN_PROGRESS'")
                .setParameter(1, position).setParameter(2, attemptId).setParameter(3, me.id()).executeUpdate());
    }

    /** The trainee submits. Submitting twice (two tabs, a double click) grades once; the second call changes nothing. */
    public Attempt submit(long attemptId) {
        SignedInUser me = currentUser.require();
        Instant now = clock.instant();
        tx.inTransactionRetryingDeadlocks(em -> {
            lockRow(em, attemptId);
            int claimed = em.createNativeQuery("update attempt set status = 'SUBMITTED', submitted_at = ?,"
                            + " submitted_by = case when deadline is not null and deadline <= ? then 'TIMEOUT' else 'TRAINEE' end,"
                            + " version = version + 1 where id = ? and user_id = ? and status = 'IN_PROGRESS'")
                    .setParameter(1, Timestamp.from(now)).setParameter(2, Timestamp.from(now))
                    .setParameter(3, attemptId).setParameter(4, me.id()).executeUpdate();
            if (claimed == 1) {
                grade(em, attemptId, now);
            }
            return null;
        });
        Attempt a = tx.read(em -> em.find(Attempt.class, attemptId));
        if (a == null || a.getUserId() != me.id()) {
            throw new AccessDeniedException("attempt " + attemptId);
        }
        return a;
    }

    /**
     * Closes attempts whose time ran out, with the answers they have, whether or not a browser is
     * still open. Safe on several nodes at once: each attempt is claimed by a conditional update.
     */
    public int closeExpired() {
        Instant now = clock.instant();
        List<Long> overdue = tx.read(em -> em.createQuery(
                        "select a.id from Attempt a where a.status = :s and a.deadline is not null and a.deadline <= :now", Long.class)
                .setParameter("s", AttemptStatus.IN_PROGRESS).setParameter("now", now).setMaxResults(200).getResultList());
        int closed = 0;
        for (long id : overdue) {
            boolean mine = tx.inTransactionRetryingDeadlocks(em -> {
                lockRow(em, id);
                int claimed = em.createNativeQuery("update attempt set status = 'SUBMITTED', submitted_at = deadline, submitted_by = 'TIMEOUT',"
                                + " version = version + 1 where id = ? and status = 'IN_PROGRESS' and deadline <= ?")
                        .setParameter(1, id).setParameter(2, Timestamp.from(now)).executeUpdate();
                if (claimed == 1) {
                    grade(em, id, now);
                }
                return claimed == 1;
            });
            closed += mine ? 1 : 0;
        }
        return closed;
    }

    /**
     * Takes the attempt's row lock through the primary key before the conditional update, so that
     * concurrent submitters queue on one lock instead of meeting in the secondary indexes (InnoDB deadlock).
     */
    private static void lockRow(EntityManager em, long attemptId) {
        em.createNativeQuery("select id from attempt where id = ? for update").setParameter(1, attemptId).getResultList();
    }

    private void grade(EntityManager em, long attemptId, Instant now) {
        Attempt a = em.find(Attempt.class, attemptId);
        em.refresh(a);
        List<AttemptItem> items = em.createQuery("select i from AttemptItem i where i.attemptId = :a order by i.position", AttemptItem.class)
                .setParameter("a", attemptId).getResultList();
        for (AttemptItem item : items) {
            Grade g = questionOf(item).grade(AnswerCodec.read(item.getResponse()));
            item.graded(g.fraction(), g.detail().isEmpty() ? null : AnswerCodec.json(g.detail()), now);
        }
        a.total(items, item -> questionOf(item).scored(), now);
        tellTrainersIfAttemptsRanOut(em, a);
    }

    private Question questionOf(AttemptItem item) {
        return catalog.question(item.getModuleId(), item.getModuleVersion(), item.getQuestionId());
    }

    /**
     * Adds up an attempt's totals again after a trainer graded one of its items, inside the caller's
     * transaction, and tells trainers when it was the trainee's last attempt.
     */
    public void retotal(EntityManager em, Attempt a, Instant now) {
        List<AttemptItem> items = em.createQuery("select i from AttemptItem i where i.attemptId = :a", AttemptItem.class)
                .setParameter("a", a.getId()).getResultList();
        a.total(items, item -> questionOf(item).scored(), now);
        tellTrainersIfAttemptsRanOut(em, a);
    }

    private void tellTrainersIfAttemptsRanOut(EntityManager em, Attempt a) {
        if (exhausted != null) {
            exhausted.afterGrading(em, a);
        }
        for (GradedAttemptListener l : listeners) {
            l.graded(em, a);
        }
    }

    private static int extraAttempts(EntityManager em, long userId, AttemptKind kind, String sourceId) {
        Number n = (Number) em.createNativeQuery("select coalesce(sum(extra_attempts), 0) from attempt_grant where user_id = ? and kind = ? and source_id = ?")
                .setParameter(1, userId).setParameter(2, kind.name()).setParameter(3, sourceId).getSingleResult();
        return n.intValue();
    }
}
