package com.servicecraft.dashboard.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.dashboard.TraineeRecord;
import com.servicecraft.dashboard.TraineeRecordService;
import com.servicecraft.learning.ModuleFacts;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.web.QuizTitles;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** One trainee's full record for their trainer ({@code ?user=ID}). */
@Named
@RequestScoped
public class TraineePage {
    @Inject
    TraineeRecordService records;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;

    private long user;
    private TraineeRecord record;

    public void onLoad() {
        record = records.record(user);
    }

    public ModuleFacts facts(String moduleId) {
        return moduleId == null || record.facts() == null ? null : record.facts().module(moduleId);
    }

    /** What an attempt was of, in the reader's language. */
    public String attemptTitle(Attempt a) {
        return QuizTitles.title(content, a.getKind(), a.getSourceId(), locale.current());
    }

    public String exerciseTitle(String exerciseId) {
        Course course = content.course();
        return course == null ? exerciseId : course.exercise(exerciseId).map(e -> e.title().in(locale.current())).orElse(exerciseId);
    }

    public String lessonTitle(String lessonId) {
        Course course = content.course();
        return course == null ? lessonId : com.servicecraft.learning.CourseOutline.find(course, lessonId)
                .map(l -> l.title(locale.current())).orElse(lessonId);
    }

    public String minutes(long seconds) {
        return String.valueOf(Math.round(seconds / 60.0));
    }

    public long getUser() { return user; }
    public void setUser(long user) { this.user = user; }
    public TraineeRecord getRecord() { return record; }
}
