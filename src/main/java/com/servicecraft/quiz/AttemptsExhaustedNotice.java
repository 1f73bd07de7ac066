package com.servicecraft.quiz;

import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.TrainerScope;
import com.servicecraft.identity.User;
import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.ModuleFacts;
import com.servicecraft.learning.ModuleFactsQuery;
import com.servicecraft.notification.NotificationKind;
import com.servicecraft.notification.NotificationWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * When a graded attempt uses up a trainee's attempts at a required module quiz or the post-course
 * test without a pass (as the shared calculator, {@link ModuleFactsQuery}, sees it), the trainers
 * who answer for the trainee ({@link TrainerScope}) are told, once per attempt, in the same
 * transaction, with a link that opens the extra-attempts page for this trainee and quiz.
 */
@ApplicationScoped
public class AttemptsExhaustedNotice {
    private ModuleFactsQuery facts;
    private NotificationWriter notifications;

    protected AttemptsExhaustedNotice() {
    }

    @Inject
    public AttemptsExhaustedNotice(ModuleFactsQuery facts, NotificationWriter notifications) {
        this.facts = facts;
        this.notifications = notifications;
    }

    /** Call after an attempt was graded, inside the grading transaction. */
    public void afterGrading(EntityManager em, Attempt a) {
        if (a.getStatus() != AttemptStatus.GRADED || (a.getKind() != AttemptKind.MODULE_QUIZ && a.getKind() != AttemptKind.POST_TEST)) {
            return;
        }
        em.flush();
        CourseFacts cf = facts.forUser(em, a.getUserId());
        if (cf == null) {
            return;
        }
        int allowed;
        if (a.getKind() == AttemptKind.POST_TEST) {
            if (!cf.postTestExhausted()) {
                return;
            }
            allowed = cf.postTestAttemptsAllowed();
        } else {
            ModuleFacts mf = cf.module(a.getSourceId());
            if (mf == null || !mf.attemptsExhausted()) {
                return;
            }
            allowed = mf.quizAttemptsAllowed();
        }
        User trainee = em.find(User.class, a.getUserId());
        Map<String, String> params = Map.of("trainee", trainee.getDisplayName(), "username", trainee.getUsername(),
                "workKind", a.getKind().name(), "sourceId", a.getSourceId(), "attempts", String.valueOf(allowed));
        String link = "/trainer/grants.xhtml?trainee=" + URLEncoder.encode(trainee.getUsername(), StandardCharsets.UTF_8)
                + "&source=" + a.getKind().name() + ":" + URLEncoder.encode(a.getSourceId(), StandardCharsets.UTF_8);
        for (User trainer : trainers(em)) {
            if (!trainer.getId().equals(trainee.getId()) && TrainerScope.mayActFor(em, SignedInUser.of(trainer), trainee.getId())) {
                notifications.notify(em, trainer.getId(), NotificationKind.ATTEMPTS_EXHAUSTED, "exhausted:" + a.getId(), params, link);
            }
        }
    }

    private static List<User> trainers(EntityManager em) {
        return em.createQuery("select distinct u from User u join u.roles r where r = :role and u.active = true", User.class)
                .setParameter("role", Role.TRAINER).getResultList();
    }
}
