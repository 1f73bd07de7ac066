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

    /** The quizzes whose attempts the signed-in user used up without a pass (empty when signed out or no course). */
    public List<CourseFacts.WaitingQuiz> quizzesWaitingForTrainer() {
        if (!currentUser.isSignedIn()) {
            return List.of();
        }
        long me = currentUser.require().id();
        CourseFacts cf = tx.read(em -> facts.forUser(em, me));
        return cf == null ? List.of() : cf.quizzesWaitingForTrainer();
    }
}
