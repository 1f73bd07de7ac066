package com.servicecraft.reporting;

/** Where a trainee stands on one assigned module (or the whole course): the same as {@code learning.ProgressStatus}. */
public enum CompletionStatus {
    NOT_STARTED, IN_PROGRESS, COMPLETED, OVERDUE, FAILED, NEEDS_TRAINER;

    /** The value used in filters, exports and the API: {@code not_started}, {@code completed}, … */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static CompletionStatus ofCode(String code) {
        for (CompletionStatus s : values()) {
            if (s.code().equalsIgnoreCase(code.trim()) || s.name().equalsIgnoreCase(code.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown status " + code);
    }
}
