package com.servicecraft.shared;

/**
 * Text from outside (a user name typed at sign-in, a filter value, an address) made safe to put
 * into one log line: control characters, which could start a forged line (CR, LF) or confuse a
 * terminal, and the Unicode line and paragraph separators become a visible backslash-u escape.
 * Every log call that includes user input passes it through {@link #text}.
 */
public final class LogSafe {
    private static final int MAX = 300;

    private LogSafe() {
    }

    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        String s = String.valueOf(value);
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        String safe = out == null ? s : out.toString();
        return safe.length() > MAX ? safe.substring(0, MAX) + "…" : safe;
    }

    /** True when the text holds a character that {@link #text} would escape. */
    public static boolean hasControlCharacters(String s) {
        return s != null && s.chars().anyMatch(c -> unsafe((char) c));
    }

    private static boolean unsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || Character.getType(c) == Character.FORMAT && c != '\u200d';
    }
}
