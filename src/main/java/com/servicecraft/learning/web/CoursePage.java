package com.servicecraft.learning.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Lesson;
import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.CourseOutline;
import com.servicecraft.learning.LessonProgress;
import com.servicecraft.learning.MyCourseFacts;
import com.servicecraft.learning.ProgressService;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The course overview (and the home page's "continue" card): modules, lessons, ticks and progress,
 * and which quizzes wait for the trainer because their attempts are used up.
 */
@Named
@RequestScoped
public class CoursePage {
    @Inject
    ContentRepository content;
    @Inject
    ProgressService progress;
    @Inject
    LocaleSwitch locale;
    @Inject
    MyCourseFacts myFacts;

    private CourseOutline outline;
    private Optional<Lesson> continueAt;
    private List<CourseFacts.WaitingQuiz> waitingForTrainer;

    @PostConstruct
    void load() {
        Map<String, LessonProgress> mine = progress.mine();
        outline = CourseOutline.of(content.course(), mine);
        continueAt = progress.continueAt(mine);
        waitingForTrainer = myFacts.quizzesWaitingForTrainer();
    }

    /** Quizzes whose attempts are used up without a pass: the trainee is told what happened and to ask the trainer. */
    public List<CourseFacts.WaitingQuiz> getWaitingForTrainer() { return waitingForTrainer; }

    public String waitingText(CourseFacts.WaitingQuiz w) {
        String quiz = w.postTest() || content.course() == null ? Messages.text("quiz.postTest")
                : content.course().module(w.moduleId()).map(m -> Messages.text("quiz.moduleQuiz", m.title().in(locale.current())))
                .orElse(w.moduleId());
        return Messages.text("course.attemptsUsedUp", quiz);
    }

    public CourseOutline getOutline() { return outline; }

    public Lesson getContinueAt() { return continueAt.orElse(null); }

    public boolean isStarted() {
        return outline.modules().stream().anyMatch(m -> m.lessons().stream().anyMatch(CourseOutline.LessonState::opened));
    }

    public String getCourseTitle() {
        return content.course() == null ? "" : content.course().title().in(locale.current());
    }
}
