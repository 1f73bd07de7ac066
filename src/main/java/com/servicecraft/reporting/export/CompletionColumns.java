package com.servicecraft.reporting.export;

import com.servicecraft.reporting.CompletionRecord;
import com.servicecraft.reporting.CompletionStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * The columns of every completion export, in order, with their API key (also the CSV header of the
 * API) and their message key (the header in the HR exports). One list, so CSV, XLSX and the API agree.
 */
public final class CompletionColumns {
    public enum Kind { TEXT, DATE, TIMESTAMP, NUMBER, INTEGER }

    public record Column(String key, String messageKey, Kind kind, int width, Function<CompletionRecord, Object> value) {
    }

    public static final List<Column> ALL = List.of(
            new Column("employeeNumber", "records.col.employeeNumber", Kind.TEXT, 14, CompletionRecord::employeeNumber),
            new Column("name", "records.col.name", Kind.TEXT, 18, CompletionRecord::name),
            new Column("department", "records.col.department", Kind.TEXT, 18, CompletionRecord::department),
            new Column("jobTitle", "records.col.jobTitle", Kind.TEXT, 16, CompletionRecord::jobTitle),
            new Column("group", "records.col.group", Kind.TEXT, 16, CompletionRecord::group),
            new Column("moduleId", "records.col.moduleId", Kind.TEXT, 22, CompletionRecord::moduleId),
            new Column("module", "records.col.module", Kind.TEXT, 26, CompletionRecord::moduleTitle),
            new Column("contentVersion", "records.col.contentVersion", Kind.TEXT, 12, CompletionRecord::contentVersion),
            new Column("assignedDate", "records.col.assignedDate", Kind.DATE, 12, CompletionRecord::assignedDate),
            new Column("dueDate", "records.col.dueDate", Kind.DATE, 12, CompletionRecord::dueDate),
            new Column("status", "records.col.status", Kind.TEXT, 12, r -> r.status()),
            new Column("firstStarted", "records.col.firstStarted", Kind.TIMESTAMP, 17, CompletionRecord::firstStarted),
            new Column("completedAt", "records.col.completedAt", Kind.TIMESTAMP, 17, CompletionRecord::completedAt),
            new Column("bestScore", "records.col.bestScore", Kind.NUMBER, 10, CompletionRecord::bestScore),
            new Column("lastScore", "records.col.lastScore", Kind.NUMBER, 10, CompletionRecord::lastScore),
            new Column("attempts", "records.col.attempts", Kind.INTEGER, 9, r -> (long) r.attempts()),
            new Column("minutesSpent", "records.col.minutesSpent", Kind.INTEGER, 10, r -> Math.round(r.secondsSpent() / 60.0)),
            new Column("postTestScore", "records.col.postTestScore", Kind.NUMBER, 10, CompletionRecord::postTestScore),
            new Column("postTestPassed", "records.col.postTestPassed", Kind.TEXT, 10,
                    r -> r.postTestPassed() == null ? null : r.postTestPassed() ? "passed" : "failed"),
            new Column("actionPlanStatus", "records.col.actionPlanStatus", Kind.TEXT, 12,
                    r -> r.actionPlanStatus() == null ? null : r.actionPlanStatus().toLowerCase(java.util.Locale.ROOT)),
            new Column("certificateNumber", "records.col.certificateNumber", Kind.TEXT, 20, CompletionRecord::certificateNumber));

    private CompletionColumns() {
    }

    /** How values that are words (status, pass/fail, action plan) are written: codes for the API, words for people. */
    public interface Words {
        String status(CompletionStatus status);

        String word(String code);

        /** The zone times are written in, with their offset (the API: UTC; people: the organisation's zone). */
        default java.time.ZoneId zone() {
            return java.time.ZoneOffset.UTC;
        }

        Words CODES = new Words() {
            @Override
            public String status(CompletionStatus status) {
                return status.code();
            }

            @Override
            public String word(String code) {
                return code;
            }
        };
    }

    /** A value as text (CSV, PDF): dates ISO, timestamps ISO-8601 with the offset of {@link Words#zone()}, numbers without trailing zeros. */
    public static String text(Column column, CompletionRecord r, Words words) {
        Object v = column.value().apply(r);
        if (v == null) {
            return "";
        }
        if (v instanceof CompletionStatus s) {
            return words.status(s);
        }
        if (v instanceof Double d) {
            return number(d);
        }
        if (v instanceof Instant i) {
            return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME
                    .format(i.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).atZone(words.zone()));
        }
        if (v instanceof LocalDate d) {
            return d.toString();
        }
        if (column.key().equals("postTestPassed") || column.key().equals("actionPlanStatus")) {
            return words.word(v.toString());
        }
        return v.toString();
    }

    public static String number(double d) {
        long tenths = Math.round(d * 10);
        return tenths % 10 == 0 ? String.valueOf(tenths / 10) : String.valueOf(tenths / 10.0);
    }
}
