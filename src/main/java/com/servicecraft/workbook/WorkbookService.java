package com.servicecraft.workbook;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Exercise;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.question.Answer;
import com.servicecraft.quiz.AnswerCodec;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.quiz.ReviewVisibility;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trainee's workbook: every free-text answer they wrote — the mid-module reflections (中期总结,
 * exercises of kind {@code reflection}) first, then written assignments and written quiz answers
 * — with the trainer's grade and comment, grouped by module in course order. Only ever the
 * signed-in trainee's own answers; the post-course test is not part of it. A submitted answer, its
 * grade and the comment appear as far as the quiz's review settings allow ({@link ReviewPolicy}).
 */
@ApplicationScoped
public class WorkbookService {
    private final Transactions tx;
    private final CurrentUser currentUser;
    private final ContentRepository content;
    private final QuestionCatalog catalog;
    private final ReviewPolicy reviewPolicy;

    @Inject
    public WorkbookService(Transactions tx, CurrentUser currentUser, ContentRepository content, QuestionCatalog catalog,
                           ReviewPolicy reviewPolicy) {
        this.tx = tx;
        this.currentUser = currentUser;
        this.content = content;
        this.catalog = catalog;
        this.reviewPolicy = reviewPolicy;
    }

    /** A module's part of the workbook. */
    public record Section(String moduleId, String title, List<WorkbookEntry> entries) implements Serializable {
    }

    public List<Section> mine(Language lang) {
        SignedInUser me = currentUser.require();
        List<Object[]> rows = tx.read(em -> em.createQuery(
                        "select a, i from Attempt a, AttemptItem i where i.attemptId = a.id and a.userId = :u"
                                + " and i.questionType = 'free-text' and i.response is not null and a.kind <> :post"
                                + " order by a.startedAt, a.id, i.position", Object[].class)
                .setParameter("u", me.id()).setParameter("post", AttemptKind.POST_TEST).getResultList());
        Course course = content.course();
        Map<String, List<WorkbookEntry>> byModule = new LinkedHashMap<>();
        Map<Long, ReviewVisibility> review = new HashMap<>();
        for (Object[] row : rows) {
            Attempt a = (Attempt) row[0];
            AttemptItem i = (AttemptItem) row[1];
            // A draft is still being written: it is the trainee's own text, with no grade yet.
            ReviewVisibility may = a.getStatus().isOpen() ? ReviewVisibility.NOTHING
                    : review.computeIfAbsent(a.getId(), x -> reviewPolicy.forViewer(a));
            if (!a.getStatus().isOpen() && !may.responses()) {
                continue;
            }
            String answer = AnswerCodec.read(i.getResponse()) instanceof Answer.Text t ? t.text() : null;
            if (answer == null || answer.isBlank()) {
                continue;
            }
            Optional<Exercise> exercise = a.getKind() == AttemptKind.EXERCISE && course != null ? course.exercise(a.getSourceId()) : Optional.empty();
            String title = exercise.map(e -> e.title().in(lang))
                    .orElseGet(() -> course == null ? a.getSourceId() : course.module(a.getSourceId()).map(m -> m.title().in(lang)).orElse(a.getSourceId()));
            String prompt;
            try {
                prompt = catalog.question(i.getModuleId(), i.getModuleVersion(), i.getQuestionId()).info().prompt().in(lang);
            } catch (IllegalStateException gone) {
                prompt = "";
            }
            byModule.computeIfAbsent(i.getModuleId(), k -> new ArrayList<>()).add(new WorkbookEntry(a.getId(), a.getKind(), a.getSourceId(), title,
                    exercise.map(e -> "reflection".equals(e.kind())).orElse(false), prompt, answer, a.getStatus(), i.getSavedAt(),
                    a.getSubmittedAt(), may.correctness() ? i.getFraction() : null, may.explanations() ? i.getTrainerComment() : null,
                    may.correctness() || may.explanations() ? i.getGradedAt() : null));
        }
        List<String> order = course == null ? List.of() : course.modules().stream().map(CourseModule::id).toList();
        List<Section> sections = new ArrayList<>();
        byModule.entrySet().stream()
                .sorted(Comparator.comparing(e -> order.contains(e.getKey()) ? order.indexOf(e.getKey()) : Integer.MAX_VALUE))
                .forEach(e -> {
                    List<WorkbookEntry> entries = new ArrayList<>(e.getValue());
                    entries.sort(Comparator.comparing((WorkbookEntry w) -> !w.reflection()));
                    String title = course == null ? e.getKey() : course.module(e.getKey()).map(m -> m.title().in(lang)).orElse(e.getKey());
                    sections.add(new Section(e.getKey(), title, entries));
                });
        return sections;
    }
}
