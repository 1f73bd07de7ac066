package com.servicecraft.quiz.stats.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.shared.Language;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.question.Question;
import com.servicecraft.quiz.stats.ItemStatisticsService;
import com.servicecraft.quiz.stats.ItemStats;
import com.servicecraft.quiz.stats.TestStatistics;
import com.servicecraft.shared.web.LocaleSwitch;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Optional;

/** Trainers: item statistics of a module quiz or the post-course test. */
@Named
@ViewScoped
public class ItemStatisticsPage implements Serializable {
    @Inject
    ItemStatisticsService stats;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;

    private String module;
    private boolean postTest;
    private transient TestStatistics result;
    private String title;

    public void onLoad() {
        AttemptKind kind = postTest ? AttemptKind.POST_TEST : AttemptKind.MODULE_QUIZ;
        String source = postTest ? AttemptPlans.POST_TEST_ID : module;
        result = stats.of(kind, source);
        Course c = content.course();
        title = postTest || c == null ? null : c.module(module).map(m -> m.title().in(locale.current())).orElse(module);
    }

    /** The question's prompt in the reader's language, for the table. */
    public String prompt(String questionId) {
        Language lang = locale.current();
        return question(questionId).map(x -> x.info().prompt() == null ? questionId : x.info().prompt().in(lang)).orElse(questionId);
    }

    /** What was chosen and how often, with the options' texts in the reader's language. */
    public String distribution(ItemStats item) {
        return question(item.questionId())
                .map(q -> ChosenAnswerLabels.distribution(q, item.optionCounts(), locale.current()))
                .orElseGet(() -> item.optionCounts().isEmpty() ? "—" : item.optionCounts().toString());
    }

    private Optional<Question> question(String questionId) {
        Course c = content.course();
        return c == null ? Optional.empty()
                : c.modules().stream().flatMap(m -> m.questions().stream()).filter(x -> x.id().equals(questionId)).findFirst();
    }

    public TestStatistics getResult() { return result; }
    public String getTitle() { return title; }
    public String getModule() { return module; }
    public void setModule(String module) { this.module = module; }
    public boolean isPostTest() { return postTest; }
    public void setPostTest(boolean postTest) { this.postTest = postTest; }
}
