package com.servicecraft.learning;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The signed-in user's own standing in the course, from the shared calculator ({@link ModuleFactsQuery}). */
@ApplicationScoped
public class MyCourseFacts {
    private Transactions tx;
    private CurrentUser currentUser;
    private ModuleFactsQuery facts;

    protected MyCourseFacts() {
    }

    @Inject
    public MyCourseFacts(Transactions tx, CurrentUser currentUser, ModuleFactsQuery facts) {
        this.tx = tx;
        this.currentUser = currentUser;
        this.facts = facts;
    }

    /** The signed-in user's facts (empty when signed out or no course is loaded). */
    public java.util.Optional<CourseFacts> mine() {
        if (!currentUser.isSignedIn()) {
            return java.util.Optional.empty();
        }
        long me = currentUser.require().id();
        return java.util.Optional.ofNullable(tx.read(em -> facts.forUser(em, me)));
    }

    /** The quizzes whose attempts the signed-in user used up without a pass (empty when signed out or no course). */
    public List<CourseFacts.WaitingQuiz> quizzesWaitingForTrainer() {
        return mine().map(CourseFacts::quizzesWaitingForTrainer).orElse(List.of());
    }
}
