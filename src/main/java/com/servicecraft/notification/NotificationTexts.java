package com.servicecraft.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.servicecraft.content.Course;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.web.Messages;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a stored notification into its title and text in one language, from the bundle keys
 * {@code notification.<KIND>.title} and {@code .text}, whose {@code {name}} placeholders are the
 * notification's parameters. Parameters are stored as ids and dates, never as texts, so that
 * every reader sees them in their own language and with the course as it is now:
 * <ul>
 *   <li>{@code moduleId} gives {@code {module}}, the module's title (no or an empty id: the course's title);</li>
 *   <li>{@code exerciseId} gives {@code {exercise}}, the exercise's title;</li>
 *   <li>{@code workKind} (MODULE_QUIZ, EXERCISE, POST_TEST) with {@code sourceId} gives {@code {work}}, the quiz's title;</li>
 *   <li>every other parameter is used as it is (dates as ISO {@code yyyy-MM-dd}, names, numbers).</li>
 * </ul>
 * A placeholder without a value is left empty.
 */
public final class NotificationTexts {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private NotificationTexts() {
    }

    /** A notification's title and text in one language. */
    public record Text(String title, String body) {
    }

    public static Text render(NotificationKind kind, String paramsJson, Course course, Language lang) {
        Map<String, String> values = resolve(params(paramsJson), course, lang);
        String prefix = "notification." + kind.name();
        return new Text(fill(Messages.text(lang.locale(), prefix + ".title"), values),
                fill(Messages.text(lang.locale(), prefix + ".text"), values));
    }

    static Map<String, String> params(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (IOException e) {
            return Map.of();
        }
    }

    static Map<String, String> resolve(Map<String, String> params, Course course, Language lang) {
        Map<String, String> v = new HashMap<>(params);
        if (params.containsKey("moduleId")) {
            String id = params.get("moduleId");
            v.put("module", course == null ? nz(id)
                    : id == null || id.isBlank() ? course.title().in(lang)
                    : course.module(id).map(m -> m.title().in(lang)).orElse(id));
        }
        if (params.containsKey("exerciseId")) {
            String id = params.get("exerciseId");
            v.put("exercise", course == null ? nz(id) : course.exercise(id).map(e -> e.title().in(lang)).orElse(nz(id)));
        }
        if (params.containsKey("workKind")) {
            v.put("work", work(params.get("workKind"), nz(params.get("sourceId")), course, lang));
        }
        return v;
    }

    /** The title of a quiz, exercise or the post-course test in one language (kind: an AttemptKind name). */
    public static String work(String kind, String sourceId, Course course, Language lang) {
        if ("POST_TEST".equals(kind)) {
            return Messages.text(lang.locale(), "quiz.postTest");
        }
        if (course == null) {
            return sourceId;
        }
        if ("MODULE_QUIZ".equals(kind)) {
            return course.module(sourceId).map(m -> Messages.text(lang.locale(), "quiz.moduleQuiz", m.title().in(lang))).orElse(sourceId);
        }
        return course.exercise(sourceId).map(e -> e.title().in(lang)).orElse(sourceId);
    }

    static String fill(String pattern, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(nz(values.get(m.group(1)))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
