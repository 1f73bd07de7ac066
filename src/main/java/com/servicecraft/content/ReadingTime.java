package com.servicecraft.content;

import com.servicecraft.shared.Language;

import java.util.Collection;

/**
 * How long a lesson takes to read, and the engaged time a trainee must spend on it before it
 * counts as read. The content may set that minimum per lesson ({@code minReadSeconds} in the
 * front matter); without it the minimum is {@value #MINIMUM_PERCENT} % of the estimated reading
 * time of the lesson's shorter language text, rounded up to whole seconds. The estimate reads
 * Chinese at {@value #CHINESE_CHARS_PER_MINUTE} characters and English at
 * {@value #ENGLISH_WORDS_PER_MINUTE} words per minute (characters: every non-blank character of
 * the rendered text; words: runs of non-blank characters).
 */
public final class ReadingTime {
    public static final int CHINESE_CHARS_PER_MINUTE = 300;
    public static final int ENGLISH_WORDS_PER_MINUTE = 200;
    public static final int MINIMUM_PERCENT = 40;
    /** The largest {@code minReadSeconds} the content may ask for (the lesson schema says the same). */
    public static final int MAX_MIN_READ_SECONDS = 3600;

    private ReadingTime() {
    }

    /** Seconds an average reader needs for this plain text in this language (rounded up). */
    public static int estimatedSeconds(Language language, String plainText) {
        String text = plainText == null ? "" : plainText.strip();
        if (text.isEmpty()) {
            return 0;
        }
        long units;
        int perMinute;
        if (language == Language.EN) {
            units = text.split("\\s+").length;
            perMinute = ENGLISH_WORDS_PER_MINUTE;
        } else {
            units = LessonRenderer.countChars(text);
            perMinute = CHINESE_CHARS_PER_MINUTE;
        }
        return (int) ceilDiv(units * 60, perMinute);
    }

    /** The default minimum engaged time: {@value #MINIMUM_PERCENT} % of the shorter text's estimate. */
    public static int defaultMinimumSeconds(Collection<Lesson.LessonText> texts) {
        int shortest = texts.stream().mapToInt(Lesson.LessonText::readingSeconds).min().orElse(0);
        return (int) ceilDiv((long) shortest * MINIMUM_PERCENT, 100);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
