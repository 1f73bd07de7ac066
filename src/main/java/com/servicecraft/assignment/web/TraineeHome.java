package com.servicecraft.assignment.web;

import com.servicecraft.assignment.TraineeHomeQuery;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.notification.Notification;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.web.QuizTitles;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.shared.web.LocaleSwitch;
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
    TraineeHomeQuery assignments;
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

    private TraineeHomeQuery.Home home;
    private final Set<Long> scoreShown = new HashSet<>();

    @PostConstruct
    void load() {
        home = currentUser.hasRole(Role.TRAINEE) ? assignments.home() : new TraineeHomeQuery.Home(List.of(), List.of(), List.of());
        for (Attempt a : home.results()) {
            if (reviewPolicy.forViewer(a).score()) {
                scoreShown.add(a.getId());
            }
        }
    }

    public boolean isTrainee() {
        return currentUser.hasRole(Role.TRAINEE);
    }

    public List<TraineeHomeQuery.AssignedItem> getAssigned() { return home.assigned(); }
    public List<Attempt> getResults() { return home.results(); }
    public List<Notification> getNotifications() { return home.notifications(); }

    /** Whether the review settings let the trainee see this result's score. */
    public boolean showsScore(Attempt a) {
        return scoreShown.contains(a.getId());
    }

    public String title(TraineeHomeQuery.AssignedItem item) {
        return titles.of(item.moduleId());
    }

    public String attemptTitle(Attempt a) {
        return QuizTitles.title(content, a.getKind(), a.getSourceId(), locale.current());
    }

    /** A notification's text in the reader's language, from its kind and parameters (module, due date). */
    public String noticeText(Notification n) {
        return com.servicecraft.notification.NotificationTexts.render(n.getKind(), n.getParams(), content.course(), locale.current()).title();
    }
}
