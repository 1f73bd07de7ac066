package com.servicecraft.reporting;

import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.audit.AuditLog;
import com.servicecraft.shared.Language;
import com.servicecraft.reporting.export.CompletionColumns;
import com.servicecraft.reporting.export.CsvCompletionWriter;
import com.servicecraft.reporting.export.PdfCompletionSummary;
import com.servicecraft.reporting.export.XlsxCompletionWriter;
import com.servicecraft.shared.web.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.OutputStream;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Writes the completion records a viewer may read in one of the export formats and logs the
 * export (who, filters, rows, outcome) in the audit trail. CSV and XLSX stream rows from the
 * database; the PDF is a summary per department and group.
 */
@ApplicationScoped
public class CompletionExports {
    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"),
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
        PDF("application/pdf", "pdf");

        public final String contentType;
        public final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }
    }

    private final CompletionRecords records;
    private final AuditLog audit;
    private final Clock clock;

    @Inject
    public CompletionExports(CompletionRecords records, AuditLog audit, Clock clock) {
        this.records = records;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Writes the export; {@code out} is asked for only after the viewer's scope was checked (an
     * {@link com.servicecraft.identity.AccessDeniedException} leaves the response untouched).
     */
    public long write(Viewer viewer, CompletionFilter filter, Format format, Language language, String channel,
                      Supplier<OutputStream> out) {
        CompletionQuery.Request req;
        try {
            req = records.request(viewer, filter, language);
        } catch (RuntimeException e) {
            audit.record(viewer.userId(), viewer.username(), channel, "export." + format.extension, filter.describe(), null, "denied");
            throw e;
        }
        Locale locale = language.locale();
        CompletionColumns.Words words = words(locale);
        // Times are in the organisation's zone; their headers name it (the CSV values carry the offset too).
        List<String> headers = CompletionColumns.ALL.stream().map(c -> Messages.text(locale, c.messageKey())
                + (c.kind() == CompletionColumns.Kind.TIMESTAMP ? " (" + OrganisationZone.zone().getId() + ")" : "")).toList();
        long rows = 0;
        try {
            switch (format) {
                case CSV -> {
                    try (CsvCompletionWriter w = new CsvCompletionWriter(out.get(), headers, words)) {
                        rows = records.query().stream(req, null, false, null, 0, 0, w);
                    }
                }
                case XLSX -> {
                    try (XlsxCompletionWriter w = new XlsxCompletionWriter(Messages.text(locale, "records.sheet"), headers, words,
                            OrganisationZone.zone())) {
                        rows = records.query().stream(req, null, false, null, 0, 0, w);
                        w.finish(out.get());
                    }
                }
                case PDF -> {
                    var totals = records.query().totals(req);
                    rows = totals.values().stream().mapToLong(Long::longValue).sum();
                    PdfCompletionSummary.write(out.get(), key -> Messages.text(locale, key),
                            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(OrganisationZone.zone()).format(clock.instant()),
                            records.describe(filter, language), totals, records.query().byDepartment(req), records.query().byGroup(req));
                }
            }
        } catch (RuntimeException e) {
            audit.record(viewer.userId(), viewer.username(), channel, "export." + format.extension, filter.describe(), rows, "error");
            throw e;
        }
        audit.record(viewer.userId(), viewer.username(), channel, "export." + format.extension, filter.describe(), rows, "ok");
        return rows;
    }

    /** Status and other words in the reader's language. */
    public static CompletionColumns.Words words(Locale locale) {
        return new CompletionColumns.Words() {
            @Override
            public String status(CompletionStatus status) {
                return Messages.text(locale, "records.status." + status.code());
            }

            @Override
            public String word(String code) {
                return Messages.text(locale, "records.word." + code);
            }

            @Override
            public java.time.ZoneId zone() {
                return OrganisationZone.zone();
            }
        };
    }
}
