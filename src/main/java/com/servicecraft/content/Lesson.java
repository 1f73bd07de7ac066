package com.servicecraft.content;

import com.servicecraft.shared.Language;

import java.io.Serializable;
import java.util.Map;
import java.util.Optional;

/**
 * One lesson: its Markdown per language (a language may be missing; the reader then sees the
 * other one with a notice). {@code stem} is the file name without language suffix.
 * {@code minReadSeconds} is the engaged reading time the trainee needs before the lesson counts
 * as read (see {@link ReadingTime}).
 */
public record Lesson(String id, String moduleId, String stem, int minutes, int minReadSeconds, Map<Language, LessonText> texts)
        implements Serializable {

    /** One language's text; {@code readingSeconds} is its estimated reading time ({@link ReadingTime#estimatedSeconds}). */
    public record LessonText(String title, String markdown, int plainChars, int readingSeconds, String file) implements Serializable {
    }

    public Lesson {
        texts = Map.copyOf(texts);
    }

    public Optional<LessonText> text(Language language) {
        return Optional.ofNullable(texts.get(language));
    }

    /** The text in the wanted language, or the other one when it is not translated yet. */
    public LessonText textOrFallback(Language language) {
        return text(language).orElseGet(() -> texts.values().iterator().next());
    }

    public String title(Language language) {
        return textOrFallback(language).title();
    }
}
