package com.servicecraft.api;

import com.servicecraft.content.ContentProblem;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Exercise;
import com.servicecraft.content.LoadedContent;
import com.servicecraft.content.Lesson;
import com.servicecraft.shared.LocalizedText;
import com.servicecraft.shared.Language;
import com.servicecraft.question.Question;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code GET /api/v1/catalog}: what the course holds, for any signed-in user or token with catalog:read. */
@WebServlet("/api/v1/catalog")
public class CatalogServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        var caller = CDI.current().select(ApiAuthentication.class).get().callerOrRefuse(req, res);
        if (caller.isEmpty()) {
            return;
        }
        if (!caller.get().scopes().contains(ApiScope.CATALOG_READ)) {
            ApiResponses.error(res, 403, "forbidden", "This token lacks the catalog:read scope.");
            return;
        }
        ApiResponses.json(res, 200, catalog(CDI.current().select(ContentRepository.class).get().current()));
    }

    static Map<String, Object> catalog(LoadedContent content) {
        Map<String, Object> body = new LinkedHashMap<>();
        Course course = content.course();
        if (course != null) {
            body.put("course", Map.of("id", course.id(), "version", course.version(), "title", text(course.title())));
            body.put("modules", course.modules().stream().map(CatalogServlet::module).toList());
            long pool = course.modules().stream().flatMap(m -> m.questions().stream()).filter(q -> q.info().postTest()).count();
            body.put("postTest", Map.of("pool", pool, "minutes", course.postTest().minutes(),
                    "perModule", course.postTest().perModule(), "passMark", course.postTest().passMark()));
        }
        body.put("errors", content.problems().stream().map(CatalogServlet::problem).toList());
        return body;
    }

    private static Map<String, Object> module(CourseModule m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", m.id());
        out.put("version", m.version());
        out.put("title", text(m.title()));
        out.put("lessons", m.lessons().stream().map(CatalogServlet::lesson).toList());
        Map<String, Integer> exercises = new TreeMap<>();
        m.exercises().forEach(e -> exercises.merge(e.kind(), 1, Integer::sum));
        out.put("exercises", exercises);
        Map<String, Integer> questions = new TreeMap<>();
        m.questions().forEach(q -> questions.merge(q.typeName(), 1, Integer::sum));
        out.put("questions", questions);
        Map<String, Integer> items = new TreeMap<>();
        m.exercises().stream().flatMap(e -> e.items().stream()).map(Question::typeName).forEach(t -> items.merge(t, 1, Integer::sum));
        out.put("exerciseItems", items);
        out.put("quiz", m.quiz() == null ? null : Map.of("draw", m.quiz().draw(), "passMark", m.quiz().passMark(),
                "attempts", m.quiz().attempts(), "timeLimitMinutes", m.quiz().timeLimitMinutes()));
        return out;
    }

    private static Map<String, Object> lesson(Lesson l) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", l.id());
        Map<String, String> title = new LinkedHashMap<>();
        Map<String, Integer> chars = new LinkedHashMap<>();
        for (Language lang : Language.values()) {
            l.text(lang).ifPresent(t -> {
                title.put(lang.tag(), t.title());
                chars.put(lang.tag(), t.plainChars());
            });
        }
        out.put("title", title);
        out.put("chars", chars);
        out.put("minutes", l.minutes());
        return out;
    }

    private static Map<String, String> text(LocalizedText t) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Language lang : Language.values()) {
            m.put(lang.tag(), t.in(lang));
        }
        return m;
    }

    private static Map<String, Object> problem(ContentProblem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", p.file());
        m.put("line", p.line());
        m.put("message", p.message());
        m.put("severity", p.severity().name());
        return m;
    }

}
