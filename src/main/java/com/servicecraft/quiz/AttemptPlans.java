package com.servicecraft.quiz;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Exercise;
import com.servicecraft.shared.LocalizedText;
import com.servicecraft.content.QuizSettings;
import com.servicecraft.question.Question;
import com.servicecraft.shared.UserInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns the served course into attempt plans: module quizzes, exercises and the post-course test. */
@ApplicationScoped
public class AttemptPlans {
    public static final String POST_TEST_ID = "post-test";

    private final ContentRepository content;

    @Inject
    public AttemptPlans(ContentRepository content) {
        this.content = content;
    }

    public AttemptPlan plan(AttemptKind kind, String sourceId) {
        Course course = content.course();
        if (course == null) {
            throw new UserInputException("quiz.notFound");
        }
        return switch (kind) {
            case MODULE_QUIZ -> moduleQuiz(course, sourceId);
            case EXERCISE -> exercise(course, sourceId);
            case POST_TEST -> postTest(course);
        };
    }

    private static AttemptPlan moduleQuiz(Course course, String moduleId) {
        CourseModule m = course.module(moduleId).filter(CourseModule::hasQuiz).orElseThrow(() -> new UserInputException("quiz.notFound"));
        QuizSettings s = m.quiz();
        List<AttemptPlan.Pick> pool = m.questions().stream()
                .filter(q -> s.topics().isEmpty() || s.topics().contains(q.info().topic()))
                .filter(q -> s.difficulties().isEmpty() || s.difficulties().contains(q.info().difficulty()))
                .map(q -> new AttemptPlan.Pick(m.id(), m.version(), q)).toList();
        return new AttemptPlan(AttemptKind.MODULE_QUIZ, moduleId, m.title(), null, s, pool, List.of(new AttemptPlan.Draw(m.id(), s.draw())));
    }

    private static AttemptPlan exercise(Course course, String exerciseId) {
        for (CourseModule m : course.modules()) {
            for (Exercise e : m.exercises()) {
                if (e.id().equals(exerciseId) && !e.items().isEmpty()) {
                    List<AttemptPlan.Pick> pool = e.items().stream().map(q -> new AttemptPlan.Pick(m.id(), m.version(), q)).toList();
                    return new AttemptPlan(AttemptKind.EXERCISE, exerciseId, e.title(), e.kind(), e.settings(), pool,
                            List.of(new AttemptPlan.Draw(m.id(), e.settings().draw())));
                }
            }
        }
        throw new UserInputException("quiz.notFound");
    }

    private static AttemptPlan postTest(Course course) {
        Course.PostTest p = course.postTest();
        List<AttemptPlan.Pick> pool = new ArrayList<>();
        List<AttemptPlan.Draw> draws = new ArrayList<>();
        for (Map.Entry<String, Integer> e : p.perModule().entrySet()) {
            CourseModule m = course.module(e.getKey()).orElseThrow(() -> new UserInputException("quiz.notFound"));
            for (Question q : m.questions()) {
                if (q.info().postTest()) {
                    pool.add(new AttemptPlan.Pick(m.id(), m.version(), q));
                }
            }
            draws.add(new AttemptPlan.Draw(m.id(), e.getValue()));
        }
        draws.sort((a, b) -> course.modules().indexOf(course.module(a.moduleId()).orElseThrow())
                - course.modules().indexOf(course.module(b.moduleId()).orElseThrow()));
        QuizSettings settings = new QuizSettings(0, p.passMark(), p.attempts(), p.minutes(), p.shuffle(),
                QuizSettings.Mode.TEST, p.review(), List.of(), List.of());
        return new AttemptPlan(AttemptKind.POST_TEST, POST_TEST_ID,
                LocalizedText.of("课后测试", "Post-course test"), null, settings, pool, draws);
    }
}
