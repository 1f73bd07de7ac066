package com.servicecraft.system;

import com.servicecraft.content.ContentProblem;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.LoadedContent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content part of /health: counts of what is loaded and the problems found while loading. */
@ApplicationScoped
public class ContentHealth {
    @Inject
    ContentRepository content;

    /** False when no course module could be loaded: the application then has nothing to teach. */
    public boolean hasModules() {
        LoadedContent c = content.current();
        return c != null && c.course() != null && !c.course().modules().isEmpty();
    }

    public Map<String, Object> summary() {
        LoadedContent c = content.current();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", c == null || c.course() == null ? null : c.course().version());
        m.put("modules", c == null || c.course() == null ? 0 : c.course().modules().size());
        m.put("lessons", c == null ? 0 : c.lessonCount());
        m.put("questions", c == null ? 0 : c.questionCount());
        m.put("errors", c == null ? List.of() : c.problems().stream().map(ContentHealth::problem).toList());
        return m;
    }

    private static Map<String, Object> problem(ContentProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", p.severity().name());
        m.put("file", p.file());
        m.put("line", p.line());
        m.put("message", p.message());
        return m;
    }
}
