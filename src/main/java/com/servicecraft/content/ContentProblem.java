package com.servicecraft.content;

import java.io.Serializable;

/**
 * Something wrong in the content files, where and why. An ERROR leaves its module out; a
 * WARNING (a lesson not yet translated) keeps the module with a notice to readers.
 */
public record ContentProblem(Severity severity, String file, int line, String message) implements Serializable {
    public enum Severity { ERROR, WARNING }

    public static ContentProblem error(String file, int line, String message) {
        return new ContentProblem(Severity.ERROR, file, line, message);
    }

    public static ContentProblem warning(String file, int line, String message) {
        return new ContentProblem(Severity.WARNING, file, line, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return severity + " " + file + ":" + line + ": " + message;
    }
}
