package com.servicecraft.reporting.export;

import com.servicecraft.reporting.CompletionQuery.Summary;
import com.servicecraft.reporting.CompletionStatus;
import com.servicecraft.shared.pdf.PdfReport;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The PDF summary of completion records: totals per status, a table and a completion chart per
 * department, and a table per group. Texts come from {@code text} (message key → localized text).
 */
public final class PdfCompletionSummary {
    private PdfCompletionSummary() {
    }

    public static void write(OutputStream out, Function<String, String> text, String generated, String filters,
                             Map<CompletionStatus, Long> totals, List<Summary> departments, List<Summary> groups) {
        try (PdfReport pdf = PdfReport.start(out, text.apply("records.pdf.title"))) {
            pdf.keyValue(text.apply("records.pdf.generated"), generated);
            pdf.keyValue(text.apply("records.pdf.filters"), filters.isEmpty() ? text.apply("records.pdf.noFilter") : filters);
            long all = totals.values().stream().mapToLong(Long::longValue).sum();
            pdf.keyValue(text.apply("records.pdf.rows"), String.valueOf(all));
            for (CompletionStatus s : CompletionStatus.values()) {
                pdf.keyValue(text.apply("records.status." + s.code()), String.valueOf(totals.getOrDefault(s, 0L)));
            }
            pdf.heading(text.apply("records.pdf.byDepartment"));
            pdf.table(headers(text, "records.col.department"), rows(departments, text.apply("records.none")));
            pdf.barChart(text.apply("records.chart.title"),
                    departments.stream().map(d -> d.label().isEmpty() ? text.apply("records.none") : d.label()).toList(),
                    departments.stream().map(Summary::percentCompleted).toList(), 100);
            pdf.heading(text.apply("records.pdf.byGroup"));
            pdf.table(headers(text, "records.col.group"), rows(groups, text.apply("records.none")));
        }
    }

    private static List<String> headers(Function<String, String> text, String first) {
        return List.of(text.apply(first), text.apply("records.pdf.rowsShort"), text.apply("records.status.completed"),
                text.apply("records.status.in_progress"), text.apply("records.status.not_started"),
                text.apply("records.status.overdue"), text.apply("records.status.needs_trainer"), text.apply("records.status.failed"),
                text.apply("records.pdf.percent"));
    }

    private static List<List<String>> rows(List<Summary> summaries, String none) {
        List<List<String>> rows = new ArrayList<>();
        for (Summary s : summaries) {
            rows.add(List.of(s.label().isEmpty() ? none : s.label(), String.valueOf(s.rows()), String.valueOf(s.completed()),
                    String.valueOf(s.inProgress()), String.valueOf(s.notStarted()), String.valueOf(s.overdue()),
                    String.valueOf(s.needsTrainer()), String.valueOf(s.failed()), CompletionColumns.number(s.percentCompleted()) + "%"));
        }
        return rows;
    }
}
