package com.servicecraft.reporting;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an HR officer asks for: every field is optional. {@code completedFrom}/{@code completedTo}
 * select rows completed on those days (inclusive); {@code updatedSince} rows that changed after
 * that instant (for HR systems that pull increments).
 */
public record CompletionFilter(Long departmentId, Long groupId, String moduleId, CompletionStatus status,
                               LocalDate completedFrom, LocalDate completedTo, Instant updatedSince) implements Serializable {

    public static final CompletionFilter ALL = new CompletionFilter(null, null, null, null, null, null, null);

    public CompletionFilter withDepartment(Long id) {
        return new CompletionFilter(id, groupId, moduleId, status, completedFrom, completedTo, updatedSince);
    }

    public CompletionFilter withStatus(CompletionStatus s) {
        return new CompletionFilter(departmentId, groupId, moduleId, s, completedFrom, completedTo, updatedSince);
    }

    /** The filter as written to the audit log, only the fields that are set. */
    public String describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "department", departmentId);
        put(m, "group", groupId);
        put(m, "module", moduleId);
        put(m, "status", status == null ? null : status.code());
        put(m, "completedFrom", completedFrom);
        put(m, "completedTo", completedTo);
        put(m, "updatedSince", updatedSince);
        return m.isEmpty() ? "" : m.toString().substring(1, m.toString().length() - 1);
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
