package com.servicecraft.selfassessment;

import com.servicecraft.actionplan.ActionPlanStatus;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.Exercise;
import com.servicecraft.content.Lesson;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.learning.CourseOutline;
import com.servicecraft.question.Answer;
import com.servicecraft.quiz.AnswerCodec;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.AttemptStatus;
import com.servicecraft.question.SelfRatingQuestion;
import com.servicecraft.question.TextItem;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.io.Serializable;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The course's self-assessment (content/course.yaml {@code selfAssessment}) taken twice: the START
 * round at the beginning of the course and the END round at its end. Which attempt is which round
 * is recorded in self_assessment_round. The END round is offered once the START round is finished
 * and the trainee has either read every lesson of the course or submitted their action plan (the
 * course's last step); before that the page says what is missing.
 */
@ApplicationScoped
public class SelfAssessmentService {
    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ContentRepository content;
    private final AttemptService attempts;

    @Inject
    public SelfAssessmentService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content, AttemptService attempts) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
        this.attempts = attempts;
    }

    /** One round as stored: its attempt, whether it is finished, and the ratings given (statement id → 1..5). */
    public record RoundState(Round round, long attemptId, boolean finished, Instant submittedAt, Map<String, Integer> ratings)
            implements Serializable {
    }

    /** Everything the page shows. */
    public record Overview(Exercise exercise, List<TextItem> statements, Map<Round, RoundState> rounds, boolean endOffered,
                           int lessonsRead, int lessonsTotal, SelfAssessmentResult result) implements Serializable {
        public Optional<RoundState> round(Round r) {
            return Optional.ofNullable(rounds.get(r));
        }

        public boolean finished(Round r) {
            return round(r).map(RoundState::finished).orElse(false);
        }
    }

    public Optional<Exercise> exercise() {
        Course course = content.course();
        return course == null || course.selfAssessment() == null ? Optional.empty() : course.exercise(course.selfAssessment());
    }

    public Overview overview() {
        SignedInUser me = currentUser.require();
        Exercise exercise = exercise().orElseThrow(() -> new UserInputException("selfAssessment.missing"));
        List<TextItem> statements = exercise.items().stream().filter(q -> q instanceof SelfRatingQuestion)
                .flatMap(q -> ((SelfRatingQuestion) q).statements().stream()).toList();
        return tx.read(em -> {
            Map<Round, RoundState> rounds = new EnumMap<>(Round.class);
            for (Object[] row : rows(em, me.id())) {
                Round round = Round.valueOf((String) row[0]);
                long attemptId = ((Number) row[1]).longValue();
                Attempt a = em.find(Attempt.class, attemptId);
                Map<String, Integer> ratings = new LinkedHashMap<>();
                em.createQuery("select i from AttemptItem i where i.attemptId = :a and i.questionType = 'self-rating' order by i.position", AttemptItem.class)
                        .setParameter("a", attemptId).getResultList().forEach(i -> {
                            if (AnswerCodec.read(i.getResponse()) instanceof Answer.Ratings r) {
                                ratings.putAll(r.ratings());
                            }
                        });
                rounds.put(round, new RoundState(round, attemptId, !a.getStatus().isOpen(), a.getSubmittedAt(), ratings));
            }
            Set<String> read = new HashSet<>(em.createQuery(
                            "select p.lessonId from LessonProgress p where p.userId = :u and p.completedAt is not null", String.class)
                    .setParameter("u", me.id()).getResultList());
            List<Lesson> lessons = content.course() == null ? List.of() : CourseOutline.readingOrder(content.course());
            int readCount = (int) lessons.stream().filter(l -> read.contains(l.id())).count();
            boolean startDone = rounds.containsKey(Round.START) && rounds.get(Round.START).finished();
            boolean endOffered = startDone && (readCount == lessons.size() || planSubmitted(em, me.id()));
            List<String> ids = statements.stream().map(TextItem::id).toList();
            SelfAssessmentResult result = SelfAssessmentResult.of(ids,
                    startDone ? rounds.get(Round.START).ratings() : null,
                    rounds.containsKey(Round.END) && rounds.get(Round.END).finished() ? rounds.get(Round.END).ratings() : null);
            return new Overview(exercise, statements, rounds, endOffered, readCount, lessons.size(), result);
        });
    }

    /**
     * A self-assessment the trainee finished before rounds were kept (from the course page, say)
     * counts as their START round: the earliest finished attempt not in a round is adopted.
     */
    public void adoptEarlierAttempt() {
        SignedInUser me = currentUser.require();
        Optional<Exercise> exercise = exercise();
        if (exercise.isEmpty()) {
            return;
        }
        Optional<Long> earliest = tx.read(em -> rows(em, me.id()).isEmpty()
                ? em.createQuery("select a.id from Attempt a where a.userId = :u and a.kind = :k and a.sourceId = :s and a.status <> :open"
                                + " order by a.attemptNumber", Long.class)
                        .setParameter("u", me.id()).setParameter("k", AttemptKind.EXERCISE).setParameter("s", exercise.get().id())
                        .setParameter("open", AttemptStatus.IN_PROGRESS).setMaxResults(1).getResultStream().findFirst()
                : Optional.<Long>empty());
        earliest.ifPresent(id -> bind(me.id(), Round.START, id));
    }

    /**
     * Starts (or resumes) the round's attempt and returns its id. START can be taken once; END once
     * START is finished and the end of the course is reached.
     */
    public long startRound(Round round) {
        SignedInUser me = currentUser.require();
        Overview o = overview();
        Optional<RoundState> existing = o.round(round);
        if (existing.isPresent()) {
            if (existing.get().finished()) {
                throw new UserInputException("selfAssessment.roundDone");
            }
            return existing.get().attemptId();
        }
        if (round == Round.END && !o.endOffered()) {
            throw new UserInputException("selfAssessment.endNotYet");
        }
        if (round == Round.START && o.round(Round.END).isPresent()) {
            throw new UserInputException("selfAssessment.roundDone");
        }
        long attemptId = attempts.startOrResume(AttemptKind.EXERCISE, o.exercise().id());
        bind(me.id(), round, attemptId);
        return attemptId;
    }

    private void bind(long userId, Round round, long attemptId) {
        try {
            tx.run(em -> em.createNativeQuery("insert into self_assessment_round (user_id, round_name, attempt_id, created_at) values (?, ?, ?, ?)")
                    .setParameter(1, userId).setParameter(2, round.name()).setParameter(3, attemptId)
                    .setParameter(4, Timestamp.from(clock.instant())).executeUpdate());
        } catch (PersistenceException alreadyBound) {
            // A double click bound it a moment ago (same round or the attempt): the stored binding stands.
            boolean bound = tx.read(em -> rows(em, userId).stream().anyMatch(r -> ((Number) r[1]).longValue() == attemptId));
            if (!bound) {
                throw new UserInputException("selfAssessment.roundDone");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(EntityManager em, long userId) {
        return em.createNativeQuery("select round_name, attempt_id from self_assessment_round where user_id = ?")
                .setParameter(1, userId).getResultList();
    }

    private static boolean planSubmitted(EntityManager em, long userId) {
        return em.createQuery("select count(p) from ActionPlan p where p.userId = :u and p.status in :s", Long.class)
                .setParameter("u", userId).setParameter("s", List.of(ActionPlanStatus.SUBMITTED, ActionPlanStatus.RETURNED, ActionPlanStatus.APPROVED))
                .getSingleResult() > 0;
    }
}
