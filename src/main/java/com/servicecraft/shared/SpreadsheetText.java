package com.servicecraft.shared;

/**
 * Text for spreadsheet cells, safe from formula injection (OWASP "CSV injection"): a value that
 * starts with {@code =}, {@code +}, {@code -}, {@code @}, tab or carriage return is prefixed with a
 * single quote so that Excel, LibreOffice and Google Sheets show it as text. Numbers written as
 * numbers are not text and never pass through here.
 */
public final class SpreadsheetText {
    private SpreadsheetText() {
    }

    public static String neutralize(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + value : value;
    }
}
