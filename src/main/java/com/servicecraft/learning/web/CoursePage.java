package com.servicecraft.learning.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Lesson;
import com.servicecraft.learning.CourseOutline;
import com.servicecraft.learning.LessonProgress;
import com.servicecraft.learning.ProgressService;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Map;
import java.util.Optional;

/** The course overview (and the home page's "continue" card): modules, lessons, ticks and progress. */
@Named
@RequestScoped
public class CoursePage {
    @Inject
    ContentRepository content;
    @Inject
    ProgressService progress;
    @Inject
    LocaleSwitch locale;

    private CourseOutline outline;
    private Optional<Lesson> continueAt;

    @PostConstruct
    void load() {
        Map<String, LessonProgress> mine = progress.mine();
        outline = CourseOutline.of(content.course(), mine);
        continueAt = progress.continueAt(mine);
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
