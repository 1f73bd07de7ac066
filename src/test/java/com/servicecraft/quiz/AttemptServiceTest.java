package com.servicecraft.quiz;

import com.servicecraft.question.Answer;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.AtOnce;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.SqlCounter;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attempts against a real database (H2 and MariaDB): nothing saved is lost, nothing can be forged. */
class AttemptServiceTest {
    static final List<String> TABLES = List.of("attempt_item", "attempt", "attempt_grant", "lesson_progress", "api_token",
            "login_throttle", "user_role", "app_user", "department", "setup_marker", "content_module_version", "content_state");

    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private long wang;
    private long li;
    private ContentFixture fixture;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, TABLES);
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        wang = trainee("wang");
        li = trainee("li");
        fixture = ContentFixture.copyOfSample();
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(fixture.root());
    }

    private long trainee(String name) {
        return tx.inTransaction(em -> {
            User u = new User(new UserProfile(name, "E-" + name, name, name + "@example.com", null, null, Language.ZH_CN),
                    EnumSet.of(Role.TRAINEE), "pbkdf2-sha256$1$AAAA$AAAA", clock.instant());
            em.persist(u);
            em.flush();
            return u.getId();
        });
    }

    private AttemptService as(long userId) {
        CurrentUser who = TestUsers.signedIn(userId, "u" + userId, Role.TRAINEE);
        return new AttemptService(tx, clock, who, new AttemptPlans(content), new QuestionCatalog(content, tx));
    }

    private static AttemptItem itemOf(AttemptService.AttemptData data, String questionId) {
        return data.items().stream().filter(i -> i.getQuestionId().equals(questionId)).findFirst().orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void startingTwiceResumesTheSameAttemptAndOptionIdsAreNeverShown(Kind kind) {
        setUp(kind);
        AttemptService svc = as(wang);
        long first = svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a");
        assertEquals(first, svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a"));
        AttemptService.AttemptData data = svc.load(first);
        assertEquals(3, data.items().size(), "the quiz draws 3 of the bank's 4");
        for (AttemptItem i : data.items()) {
            if (i.getOptionMap() != null) {
                Map<String, Object> map = AnswerCodec.map(i.getOptionMap());
                assertTrue(map.keySet().stream().allMatch(t -> t.matches("t[a-z2-9]{7}")), map.toString());
            }
        }
        assertNotNull(data.attempt().getDeadline(), "the quiz has a 5-minute limit");
        assertEquals(clock.instant().plus(Duration.ofMinutes(5)), data.attempt().getDeadline());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAutosaveIsOneSqlStatementAndSurvivesInTheDatabase(Kind kind) {
        setUp(kind);
        AttemptService svc = as(wang);
        long id = svc.startOrResume(AttemptKind.EXERCISE, "sa-x-game");
        AttemptItem statement = svc.load(id).items().get(1);

        SqlCounter.reset();
        svc.save(id, statement, new Answer.Inference("?"));
        assertEquals(1, SqlCounter.statements().size(), SqlCounter.statements().toString());
        assertTrue(SqlCounter.statements().get(0).toLowerCase().startsWith("update attempt_item"));

        AttemptItem reloaded = as(wang).load(id).items().get(1);
        assertEquals(new Answer.Inference("?"), AnswerCodec.read(reloaded.getResponse()));
        assertNotNull(reloaded.getSavedAt());
    }

    static Stream<Arguments> parallelSubmitters() {
        return Stream.of(Kind.values()).flatMap(kind -> IntStream.of(2, 5, 10, 20).mapToObj(k -> Arguments.of(kind, k)));
    }

    /**
     * K tabs (or a double click, or a script) submit one attempt at the same moment: it is graded
     * exactly once, and every caller, winner or not, gets the same graded attempt back (the page
     * shows each of them its result), never an error.
     */
    @ParameterizedTest(name = "{0}, K = {1}")
    @MethodSource("parallelSubmitters")
    void parallelSubmitsGradeTheAttemptExactlyOnceAndEveryCallerGetsTheResult(Kind kind, int k) throws Exception {
        setUp(kind);
        AttemptService svc = as(wang);
        long id = svc.startOrResume(AttemptKind.EXERCISE, "sa-x-game");
        AttemptService.AttemptData data = svc.load(id);
        svc.save(id, itemOf(data, "sa-x-game-1"), new Answer.Inference("YES"));
        svc.save(id, itemOf(data, "sa-x-game-2"), new Answer.Inference("NO"));
        long versionBefore = svc.load(id).attempt().getVersion();

        List<Object> outcomes = AtOnce.run(k, () -> as(wang).submit(id));

        for (Object o : outcomes) {
            Attempt seen = assertInstanceOf(Attempt.class, o, "every submitter gets the attempt, none an error: " + outcomes);
            assertEquals(AttemptStatus.GRADED, seen.getStatus());
            assertEquals(50.0, seen.getScorePercent(), "each sees the one grade");
        }
        Attempt done = svc.load(id).attempt();
        assertEquals(50.0, done.getScorePercent(), "one of two statements right");
        assertEquals(versionBefore + 2, done.getVersion(), "claimed once (+1) and graded once (+1)");
        assertEquals(Attempt.SubmittedBy.TRAINEE, done.getSubmittedBy());
        long attempts = tx.read(em -> em.createQuery("select count(a) from Attempt a", Long.class).getSingleResult());
        assertEquals(1, attempts);
    }

    /**
     * The time limit has just run out: the trainee's submit and the expiry sweep (of this node or
     * another) claim the attempt at the same moment. Exactly one of them grades it, with the answers
     * saved before the deadline; the trainee gets the graded attempt whichever won; an autosave in
     * the same moment is refused with "time is up", never written into the graded attempt.
     * Repeated over several trainees to let the two meet in different orders.
     */
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aSubmitRacingTheExpirySweepEndsInExactlyOneGrading(Kind kind) throws Exception {
        setUp(kind);
        int rounds = 6;
        for (int r = 0; r < rounds; r++) {
            long who = trainee("racer" + r);
            long id = as(who).startOrResume(AttemptKind.MODULE_QUIZ, "sample-a");
            AttemptItem first = as(who).load(id).items().get(0);
            as(who).save(id, first, answerFor(first));
            long versionBefore = as(who).load(id).attempt().getVersion();
            clock.advance(Duration.ofMinutes(5));

            List<Callable<Object>> racers = new ArrayList<>();
            racers.add(() -> as(who).submit(id));
            racers.add(() -> as(wang).closeExpired());
            racers.add(() -> as(who).save(id, first, answerFor(first)));
            if (r % 2 == 1) {
                Collections.reverse(racers);
            }
            List<Object> outcomes = AtOnce.run(racers);

            Attempt submitted = (Attempt) outcomes.stream().filter(Attempt.class::isInstance).findFirst()
                    .orElseThrow(() -> new AssertionError("the trainee's submit answered with its attempt: " + outcomes));
            assertEquals(AttemptStatus.GRADED, submitted.getStatus());
            int swept = (Integer) outcomes.stream().filter(Integer.class::isInstance).findFirst()
                    .orElseThrow(() -> new AssertionError("the sweep ran without an error: " + outcomes));
            assertTrue(swept == 0 || swept == 1, outcomes.toString());
            SaveRefusedException late = (SaveRefusedException) outcomes.stream().filter(SaveRefusedException.class::isInstance).findFirst()
                    .orElseThrow(() -> new AssertionError("the late save is refused with a reason: " + outcomes));
            assertTrue(Set.of("quiz.timeUp", "quiz.alreadySubmitted").contains(late.messageKey()), late.messageKey());

            Attempt done = as(who).load(id).attempt();
            assertEquals(versionBefore + 2, done.getVersion(), "claimed once (+1) and graded once (+1): " + outcomes);
            assertEquals(Attempt.SubmittedBy.TIMEOUT, done.getSubmittedBy(), "submitted at the deadline, by whichever came first");
            assertNotNull(as(who).load(id).items().get(0).getFraction(), "the answer saved in time was graded");
        }
        assertEquals(0, as(wang).closeExpired(), "nothing left for a later sweep");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAnswerSentAfterSubmissionIsRefusedWithAClearReason(Kind kind) {
        setUp(kind);
        AttemptService svc = as(wang);
        long id = svc.startOrResume(AttemptKind.EXERCISE, "sa-x-game");
        AttemptItem item = svc.load(id).items().get(0);
        svc.save(id, item, new Answer.Inference("YES"));
        svc.submit(id);

        SaveRefusedException e = assertThrows(SaveRefusedException.class, () -> svc.save(id, item, new Answer.Inference("NO")));
        assertEquals("quiz.alreadySubmitted", e.messageKey());
        assertEquals(new Answer.Inference("YES"), AnswerCodec.read(svc.load(id).items().get(0).getResponse()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anotherTraineesAttemptCanNeitherBeReadNorWritten(Kind kind) {
        setUp(kind);
        long id = as(wang).startOrResume(AttemptKind.EXERCISE, "sa-x-game");
        AttemptItem item = as(wang).load(id).items().get(0);
        as(wang).save(id, item, new Answer.Inference("YES"));

        AttemptService intruder = as(li);
        assertThrows(AccessDeniedException.class, () -> intruder.load(id));
        assertThrows(AccessDeniedException.class, () -> intruder.save(id, item, new Answer.Inference("NO")));
        assertThrows(AccessDeniedException.class, () -> intruder.submit(id));
        Attempt untouched = as(wang).load(id).attempt();
        assertEquals(AttemptStatus.IN_PROGRESS, untouched.getStatus(), "li's submit changed nothing");
        assertEquals(new Answer.Inference("YES"), AnswerCodec.read(as(wang).load(id).items().get(0).getResponse()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anOptionThatIsNotInTheQuestionIsRefused(Kind kind) {
        setUp(kind);
        AttemptService svc = as(wang);
        long id = svc.startOrResume(AttemptKind.EXERCISE, "sa-x-game");
        AttemptItem item = svc.load(id).items().get(0);
        assertThrows(AccessDeniedException.class, () -> svc.save(id, item, new Answer.Inference("MAYBE")));
        assertThrows(AccessDeniedException.class, () -> svc.save(id, item, new Answer.Choices(Set.of("a"))));
        assertNull(svc.load(id).items().get(0).getResponse());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whenTimeRunsOutSavesStopAndTheSweepSubmitsTheSavedAnswers(Kind kind) {
        setUp(kind);
        AttemptService svc = as(wang);
        long id = svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a");
        AttemptService.AttemptData data = svc.load(id);
        AttemptItem first = data.items().get(0);
        svc.save(id, first, answerFor(first));

        clock.advance(Duration.ofMinutes(5));
        SaveRefusedException late = assertThrows(SaveRefusedException.class, () -> svc.save(id, first, answerFor(first)));
        assertEquals("quiz.timeUp", late.messageKey());

        assertEquals(1, svc.closeExpired(), "the sweep closes it although no browser is there");
        assertEquals(0, svc.closeExpired(), "and only once");
        Attempt closed = svc.load(id).attempt();
        assertEquals(Attempt.SubmittedBy.TIMEOUT, closed.getSubmittedBy());
        assertTrue(closed.getStatus() == AttemptStatus.GRADED);
        assertNotNull(svc.load(id).items().get(0).getFraction(), "the saved answer was graded");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void attemptsAreLimitedUntilATrainerGrantsAnother(Kind kind) {
        setUp(kind);
        AttemptService svc = as(wang);
        svc.submit(svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a"));
        svc.submit(svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a"));
        UserInputException none = assertThrows(UserInputException.class, () -> svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a"));
        assertEquals("quiz.noAttemptsLeft", none.messageKey());
        assertFalse(svc.standing(AttemptKind.MODULE_QUIZ, "sample-a").canStart());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAttemptTakenOnAnOldVersionIsGradedAgainstThatVersion(Kind kind) {
        setUp(kind);
        AttemptService svc = as(wang);
        long id = svc.startOrResume(AttemptKind.EXERCISE, "sa-x-game");
        AttemptItem item = itemOf(svc.load(id), "sa-x-game-2");
        svc.save(id, item, new Answer.Inference("?"));

        // The trainer changes the key of that statement and reloads.
        fixture.replace("sample-a/exercises.yaml", "answer: \"?\"", "answer: \"NO\"");
        content.reload();

        Attempt graded = as(wang).submit(id);
        assertEquals(100.0 * 1 / 2, graded.getScorePercent(), "graded on the version it was taken on: ? was right then");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAutosaveFromThePageIsOneReadAndOneWriteAndStoresTheOptionIdBehindTheToken(Kind kind) {
        // The quiz draws 3 of single, multiple, true/false and ordering: at least one choice question.
        setUp(kind);
        AttemptService svc = as(wang);
        long id = svc.startOrResume(AttemptKind.MODULE_QUIZ, "sample-a");
        AttemptItem choice = svc.load(id).items().stream().filter(i -> i.getQuestionType().endsWith("-choice")).findFirst().orElseThrow();
        Map<String, Object> tokens = AnswerCodec.map(choice.getOptionMap());
        String token = tokens.keySet().iterator().next();

        SqlCounter.reset();
        AttemptService.Saved saved = svc.saveFromPage(id, choice.getPosition(), new ClientAnswer(List.of(token), Map.of()));
        List<String> sql = SqlCounter.statements();
        assertEquals(2, sql.size(), sql.toString());
        assertTrue(sql.get(0).toLowerCase().startsWith("select"), sql.toString());
        assertTrue(sql.get(1).toLowerCase().startsWith("update attempt_item"), sql.toString());
        assertTrue(saved.answered());

        AttemptItem reloaded = as(wang).load(id).items().get(choice.getPosition());
        assertEquals(new Answer.Choices(Set.of(tokens.get(token).toString())), AnswerCodec.read(reloaded.getResponse()));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theAutosaveRefusesAnotherTraineesAttemptAnUnknownTokenAndASubmittedAttempt(Kind kind) {
        setUp(kind);
        long id = as(wang).startOrResume(AttemptKind.EXERCISE, "sa-x-game");
        AttemptItem statement = itemOf(as(wang).load(id), "sa-x-game-1");
        ClientAnswer yes = new ClientAnswer(List.of("YES"), Map.of());

        assertThrows(AccessDeniedException.class, () -> as(li).saveFromPage(id, statement.getPosition(), yes));
        assertNull(as(wang).load(id).items().get(statement.getPosition()).getResponse(), "li's probe changed nothing");
        assertThrows(AccessDeniedException.class, () -> as(wang).saveFromPage(id, 99, yes));
        assertThrows(AccessDeniedException.class,
                () -> as(wang).saveFromPage(id, statement.getPosition(), new ClientAnswer(List.of("MAYBE"), Map.of())));

        long quiz = as(wang).startOrResume(AttemptKind.MODULE_QUIZ, "sample-a");
        AttemptItem choice = as(wang).load(quiz).items().stream().filter(i -> i.getQuestionType().endsWith("-choice")).findFirst().orElseThrow();
        assertThrows(AccessDeniedException.class,
                () -> as(wang).saveFromPage(quiz, choice.getPosition(), new ClientAnswer(List.of("tforged12"), Map.of())));

        as(wang).saveFromPage(id, statement.getPosition(), yes);
        as(wang).submit(id);
        SaveRefusedException refused = assertThrows(SaveRefusedException.class,
                () -> as(wang).saveFromPage(id, statement.getPosition(), new ClientAnswer(List.of("NO"), Map.of())));
        assertEquals("quiz.alreadySubmitted", refused.messageKey());
    }

    private static Answer answerFor(AttemptItem item) {
        return switch (item.getQuestionType()) {
            case "single-choice" -> new Answer.Choices(Set.of("a"));
            case "multiple-choice" -> new Answer.Choices(Set.of("a", "b"));
            case "true-false" -> new Answer.Bool(false);
            case "ordering" -> new Answer.Order(List.of("s1", "s2", "s3"));
            default -> throw new IllegalArgumentException(item.getQuestionType());
        };
    }
}
