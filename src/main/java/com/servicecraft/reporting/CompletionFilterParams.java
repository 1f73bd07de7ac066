package com.servicecraft.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.function.Function;

/**
 * Reads a {@link CompletionFilter} from request parameters, the same for the export links and the
 * API: {@code department}, {@code group} (ids), {@code module} (a module id or {@code COURSE}),
 * {@code status} ({@code not_started}, {@code in_progress}, {@code completed}, {@code overdue},
 * {@code needs_trainer}, {@code failed}), {@code from}/{@code to} (completed on, {@code yyyy-MM-dd}) and
 * {@code updatedSince} (ISO-8601 instant or date). A bad value throws {@link IllegalArgumentException}
 * with a message for the caller.
 */
public final class CompletionFilterParams {
    private CompletionFilterParams() {
    }

    public static CompletionFilter parse(Function<String, String> param, Collection<String> moduleIds) {
        String module = blankToNull(param.apply("module"));
        if (module != null && !moduleIds.contains(module)) {
            throw new IllegalArgumentException("module: unknown module '" + module + "'");
        }
        String status = blankToNull(param.apply("status"));
        CompletionStatus s;
        try {
            s = status == null ? null : CompletionStatus.ofCode(status);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("status: expected one of not_started, in_progress, completed, overdue, needs_trainer, failed");
        }
        LocalDate from = date(param, "from");
        LocalDate to = date(param, "to");
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to: must not be before from");
        }
        return new CompletionFilter(id(param, "department"), id(param, "group"), module, s, from, to, instant(param, "updatedSince"));
    }

    private static Long id(Function<String, String> param, String name) {
        String v = blankToNull(param.apply(name));
        if (v == null) {
            return null;
        }
        try {
            long id = Long.parseLong(v);
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": expected a positive number, got '" + shorten(v) + "'");
        }
    }

    private static LocalDate date(Function<String, String> param, String name) {
        String v = blankToNull(param.apply(name));
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected a date yyyy-MM-dd, got '" + shorten(v) + "'");
        }
    }

    private static Instant instant(Function<String, String> param, String name) {
        String v = blankToNull(param.apply(name));
        if (v == null) {
            return null;
        }
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC) : OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + ": expected an ISO-8601 instant such as 2026-11-01T00:00:00Z, got '" + shorten(v) + "'");
        }
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
