package com.servicecraft.quiz.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.quiz.AttemptReview;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.quiz.ReviewPolicy;
import com.servicecraft.quiz.ReviewRow;
import com.servicecraft.quiz.ReviewVisibility;
import com.servicecraft.shared.web.Chart;
import com.servicecraft.shared.web.ChartJson;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A submitted attempt: score, pass/fail and the review its settings allow. */
@Named
@ViewScoped
public class ResultPage implements Serializable {
    @Inject
    AttemptService attempts;
    @Inject
    QuestionCatalog catalog;
    @Inject
    ReviewPolicy reviewPolicy;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;

    private long id;
    private Attempt attempt;
    private String title;
    private List<ReviewRow> rows = List.of();
    private ReviewVisibility allowed = ReviewVisibility.NOTHING;
    private String passage;
    private Chart moduleChart;

    public void onLoad() throws IOException {
        AttemptService.AttemptData data = attempts.load(id);
        attempt = data.attempt();
        if (attempt.getStatus().isOpen()) {
            FacesContext.getCurrentInstance().getExternalContext().redirect(
                    FacesContext.getCurrentInstance().getExternalContext().getRequestContextPath() + "/learn/attempt.xhtml?id=" + id);
            return;
        }
        title = QuizTitles.title(content, attempt.getKind(), attempt.getSourceId(), locale.current());
        allowed = reviewPolicy.forViewer(attempt);
        rows = AttemptReview.rows(data, catalog, allowed, locale.current());
        if (!data.items().isEmpty()) {
            AttemptItem first = data.items().get(0);
            catalog.passage(first.getModuleId(), first.getModuleVersion(), first.getQuestionId())
                    .ifPresent(p -> passage = p.passage().in(locale.current()));
        }
        if (allowed.score() && attempt.getKind() == com.servicecraft.quiz.AttemptKind.POST_TEST) {
            Map<String, Double> byModule = AttemptReview.byModule(data);
            List<String> labels = new ArrayList<>();
            byModule.keySet().forEach(m -> labels.add(content.course() == null ? m
                    : content.course().module(m).map(x -> x.title().in(locale.current())).orElse(m)));
            moduleChart = ChartJson.percentBars(Messages.text("result.byModule"), labels, new ArrayList<>(byModule.values()), Messages.text("result.scorePercent"), true);
        }
    }

    public boolean isShowScore() {
        return allowed.score();
    }

    public boolean isShowAnswers() {
        return allowed.answers();
    }

    /** Score only: the page says that the questions are not shown, so nobody takes it for an error. */
    public boolean isQuestionsHidden() {
        return !allowed.perQuestion();
    }

    public boolean isPostTest() {
        return attempt != null && attempt.getKind() == com.servicecraft.quiz.AttemptKind.POST_TEST;
    }

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public Attempt getAttempt() { return attempt; }
    public String getTitle() { return title; }
    public List<ReviewRow> getRows() { return rows; }
    public String getPassage() { return passage; }
    public Chart getModuleChart() { return moduleChart; }
}
