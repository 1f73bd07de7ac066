package com.servicecraft.quiz.stats;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.question.Answer;
import com.servicecraft.quiz.AnswerCodec;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptStatus;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Item statistics of a module quiz or the post-course test over all graded attempts, for trainers. */
@ApplicationScoped
public class ItemStatisticsService {
    private final Transactions tx;
    private final CurrentUser currentUser;

    @Inject
    public ItemStatisticsService(Transactions tx, CurrentUser currentUser) {
        this.tx = tx;
        this.currentUser = currentUser;
    }

    public TestStatistics of(AttemptKind kind, String sourceId) {
        currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        List<Object[]> rows = tx.read(em -> em.createQuery(
                        "select i.attemptId, i.questionId, i.fraction, i.response from AttemptItem i, Attempt a "
                                + "where a.id = i.attemptId and a.kind = :k and a.sourceId = :s and a.status = :st and i.fraction is not null "
                                + "order by i.attemptId, i.position", Object[].class)
                .setParameter("k", kind).setParameter("s", sourceId).setParameter("st", AttemptStatus.GRADED).getResultList());
        Map<Long, List<ItemResponse>> byAttempt = new LinkedHashMap<>();
        for (Object[] r : rows) {
            byAttempt.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                    .add(new ItemResponse((String) r[1], (Double) r[2], chosen((String) r[3])));
        }
        return ItemStatistics.compute(byAttempt.entrySet().stream().map(e -> new AttemptScores(e.getKey(), e.getValue())).toList());
    }

    /** A short label of what was chosen, for the option distribution (single answers only). */
    static String chosen(String response) {
        Answer a = AnswerCodec.read(response);
        if (a instanceof Answer.Choices c) {
            return c.ids().stream().sorted().collect(Collectors.joining("+"));
        } else if (a instanceof Answer.Bool b) {
            return String.valueOf(b.value());
        } else if (a instanceof Answer.Inference i) {
            return i.value();
        }
        return null;
    }
}
