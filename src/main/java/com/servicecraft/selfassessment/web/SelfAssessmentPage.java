package com.servicecraft.selfassessment.web;

import com.servicecraft.content.InlineMarkdown;
import com.servicecraft.question.TextItem;
import com.servicecraft.selfassessment.Round;
import com.servicecraft.selfassessment.SelfAssessmentResult;
import com.servicecraft.selfassessment.SelfAssessmentService;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Chart;
import com.servicecraft.shared.web.ChartJson;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The trainee's self-assessment: take the start and end rounds, see both on a radar chart and the gaps to work on. */
@Named
@ViewScoped
public class SelfAssessmentPage implements Serializable {
    @Inject
    SelfAssessmentService service;
    @Inject
    LocaleSwitch locale;

    private SelfAssessmentService.Overview overview;
    private Map<String, String> labels = Map.of();
    private Map<String, String> texts = Map.of();
    private boolean available;
    private Chart radar;

    public void onLoad() {
        radar = null;
        if (service.exercise().isEmpty()) {
            available = false;
            return;
        }
        available = true;
        service.adoptEarlierAttempt();
        overview = service.overview();
        labels = overview.statements().stream().collect(Collectors.toMap(TextItem::id, s -> shortLabel(InlineMarkdown.plain(s.text().in(locale.current()))), (a, b) -> a));
        texts = overview.statements().stream().collect(Collectors.toMap(TextItem::id, s -> s.text().in(locale.current()), (a, b) -> a));
    }

    /** "谦卑：顾客指出…" → "谦卑"; a statement without a short name before a colon keeps its text. */
    static String shortLabel(String text) {
        int cut = -1;
        for (char c : new char[]{'：', ':'}) {
            int i = text.indexOf(c);
            if (i > 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        return cut > 0 && cut <= 40 ? text.substring(0, cut).strip() : text;
    }

    public String start(String round) {
        try {
            long id = service.startRound(Round.valueOf(round));
            return "/learn/attempt?faces-redirect=true&id=" + id;
        } catch (UserInputException e) {
            Messages.error(e);
            return null;
        }
    }

    /** Chart.js radar (and its table): the start round and, once taken, the end round over it. Built once per view. */
    public Chart getRadar() {
        if (radar == null) {
            radar = radar();
        }
        return radar;
    }

    private Chart radar() {
        if (overview == null || !overview.finished(Round.START)) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<List<Double>> series = new ArrayList<>();
        List<String> chartLabels = overview.statements().stream().map(s -> labels.get(s.id())).toList();
        names.add(Messages.text("selfAssessment.round.START"));
        series.add(values(SelfAssessmentResult.Row::start));
        if (overview.finished(Round.END)) {
            names.add(Messages.text("selfAssessment.round.END"));
            series.add(values(SelfAssessmentResult.Row::end));
        }
        return ChartJson.radar(Messages.text("selfAssessment.radar"), chartLabels, names, series);
    }

    private List<Double> values(java.util.function.Function<SelfAssessmentResult.Row, Integer> round) {
        return overview.result().rows().stream().map(r -> round.apply(r) == null ? null : round.apply(r).doubleValue()).toList();
    }

    public List<SelfAssessmentResult.Row> getGaps() {
        return overview == null || !overview.finished(Round.START) ? List.of() : overview.result().byGap();
    }

    public String label(String statementId) {
        return labels.getOrDefault(statementId, statementId);
    }

    public String text(String statementId) {
        return texts.getOrDefault(statementId, statementId);
    }

    public String change(SelfAssessmentResult.Row row) {
        Integer c = row.change();
        return c == null ? "—" : c > 0 ? "+" + c : String.valueOf(c);
    }

    public boolean isStartOpen() {
        return overview != null && overview.round(Round.START).map(r -> !r.finished()).orElse(false);
    }

    public boolean isStartDone() {
        return overview != null && overview.finished(Round.START);
    }

    public boolean isEndOpen() {
        return overview != null && overview.round(Round.END).map(r -> !r.finished()).orElse(false);
    }

    public boolean isEndDone() {
        return overview != null && overview.finished(Round.END);
    }

    public SelfAssessmentService.Overview getOverview() { return overview; }
    public boolean isAvailable() { return available; }
    public String getTitle() { return Messages.text("selfAssessment.title"); }
    public String getInstructions() { return overview == null ? null : overview.exercise().instructions().in(locale.current()); }
}
