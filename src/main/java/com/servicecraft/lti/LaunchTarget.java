package com.servicecraft.lti;

import com.servicecraft.content.Course;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Where a launch lands: {@code module:<id>} (the module on the course page), {@code lesson:<id>},
 * {@code quiz:<module id>} (the module quiz), {@code posttest}, {@code exercise:<id>} (an exercise, such as
 * written work a trainer grades; placed by hand with the custom parameter) or {@code course}. Read from the
 * resource link's custom parameter {@code servicecraft_target}, else from a {@code target}
 * parameter of the target_link_uri; anything unknown or not in the loaded course lands on the course page.
 */
public record LaunchTarget(String kind, String id) {
    public static final String CUSTOM_PARAMETER = "servicecraft_target";
    public static final LaunchTarget COURSE = new LaunchTarget("course", null);

    /** The target a launch asks for, checked against the course. */
    public static LaunchTarget of(Map<String, String> custom, String targetLinkUri, Course course) {
        String spec = custom.get(CUSTOM_PARAMETER);
        if (spec == null || spec.isBlank()) {
            spec = queryParameter(targetLinkUri, "target").orElse(null);
        }
        return parse(spec, course);
    }

    public static LaunchTarget parse(String spec, Course course) {
        if (spec == null || spec.isBlank() || spec.length() > 200) {
            return COURSE;
        }
        String s = spec.trim();
        int colon = s.indexOf(':');
        String kind = (colon < 0 ? s : s.substring(0, colon)).toLowerCase(java.util.Locale.ROOT);
        String id = colon < 0 ? null : s.substring(colon + 1).trim();
        return switch (kind) {
            case "module" -> course.module(id == null ? "" : id).isPresent() ? new LaunchTarget("module", id) : COURSE;
            case "quiz" -> course.module(id == null ? "" : id).filter(m -> m.hasQuiz()).isPresent() ? new LaunchTarget("quiz", id) : COURSE;
            case "lesson" -> id != null && course.modules().stream().anyMatch(m -> m.lesson(id).isPresent())
                    ? new LaunchTarget("lesson", id) : COURSE;
            case "posttest" -> new LaunchTarget("posttest", null);
            case "exercise" -> id != null && course.modules().stream().anyMatch(m -> m.exercise(id).isPresent())
                    ? new LaunchTarget("exercise", id) : COURSE;
            default -> COURSE;
        };
    }

    /** The page of this application to open, relative to the context path (ids are from the course, encoded). */
    public String path() {
        String e = id == null ? "" : java.net.URLEncoder.encode(id, StandardCharsets.UTF_8);
        return switch (kind) {
            case "module" -> "/learn/course.xhtml#module-" + e;
            case "quiz" -> "/learn/quiz.xhtml?module=" + e;
            case "lesson" -> "/learn/lesson.xhtml?id=" + e;
            case "posttest" -> "/learn/quiz.xhtml?postTest=true";
            case "exercise" -> "/learn/quiz.xhtml?exercise=" + e;
            default -> "/learn/course.xhtml";
        };
    }

    /** As stored: "module:m1", "posttest", "course". */
    public String spec() {
        return id == null ? kind : kind + ":" + id;
    }

    static Optional<String> queryParameter(String uri, String name) {
        if (uri == null) {
            return Optional.empty();
        }
        try {
            String query = new URI(uri).getRawQuery();
            if (query == null) {
                return Optional.empty();
            }
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(name)) {
                    return Optional.of(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
