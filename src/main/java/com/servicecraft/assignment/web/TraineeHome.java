package com.servicecraft.assignment.web;

import com.servicecraft.assignment.MyAssignments;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.notification.Notification;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;

/** The trainee's part of the home page: assigned modules with status and "continue", latest results, latest notifications. */
@Named
@RequestScoped
public class TraineeHome {

    @Inject
    MyAssignments assignments;
    @Inject
    CurrentUser currentUser;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;
    @Inject
    ModuleTitles titles;
    @Inject
    ReviewPolicy reviewPolicy;

    private MyAssignments.Home home;
    private final Set<Long> scoreShown = new HashSet<>();

    @PostConstruct
    void load() {
        home = currentUser.hasRole(Role.TRAINEE) ? assignments.home() : new MyAssignments.Home(List.of(), List.of(), List.of());
        for (Attempt a : home.results()) {
            if (reviewPolicy.forViewer(a).score()) {
                scoreShown.add(a.getId());
            }
        }
    }

    public boolean isTrainee() {
        return currentUser.hasRole(Role.TRAINEE);
    }

    public List<MyAssignments.AssignedItem> getAssigned() { return home.assigned(); }
    public List<Attempt> getResults() { return home.results(); }
    public List<Notification> getNotifications() { return home.notifications(); }

    /** Whether the review settings let the trainee see this result's score. */
    public boolean showsScore(Attempt a) {
        return scoreShown.contains(a.getId());
    }

    public String title(MyAssignments.AssignedItem item) {
        return titles.of(item.moduleId());
    }

    public String attemptTitle(Attempt a) {
        Course course = content.course();
        if (a.getKind() == AttemptKind.POST_TEST) {
            return Messages.text("quiz.postTest");
        }
        if (course == null) {
            return a.getSourceId();
        }
        if (a.getKind() == AttemptKind.MODULE_QUIZ) {
            return course.module(a.getSourceId()).map(m -> Messages.text("quiz.moduleQuiz", m.title().in(locale.current()))).orElse(a.getSourceId());
        }
        return course.exercise(a.getSourceId()).map(e -> e.title().in(locale.current())).orElse(a.getSourceId());
    }

    /** A notification's text in the reader's language, from its kind and parameters (module, due date). */
    public String noticeText(Notification n) {
        return com.servicecraft.notification.NotificationTexts.render(n.getKind(), n.getParams(), content.course(), locale.current()).title();
    }
}
