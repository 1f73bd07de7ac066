package com.servicecraft.content;

import com.servicecraft.shared.LocalizedText;
import com.servicecraft.shared.Language;
import com.servicecraft.question.Choice;
import com.servicecraft.question.FreeTextQuestion;
import com.servicecraft.question.InferenceQuestion;
import com.servicecraft.question.MatchPair;
import com.servicecraft.question.MatchingQuestion;
import com.servicecraft.question.MultipleChoiceQuestion;
import com.servicecraft.question.OrderingQuestion;
import com.servicecraft.question.Question;
import com.servicecraft.question.RolePlayQuestion;
import com.servicecraft.question.RubricCriterion;
import com.servicecraft.question.SelfRatingQuestion;
import com.servicecraft.question.SingleChoiceQuestion;
import com.servicecraft.question.TextItem;
import org.junit.jupiter.api.Test;
import org.owasp.html.Encoding;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Renders every short text of the shipped course (every question and exercise item, every field a
 * trainee or trainer reads, both languages) the way the pages do and fails when a Markdown marker
 * survives: an author's {@code **word**} that commonmark does not take as emphasis (e.g. next to
 * full-width punctuation) would otherwise reach trainees as raw asterisks.
 */
class CourseInlineMarkdownTest {
    /** {@code **}, {@code __}, a pair of backticks, or a lone {@code *word*}. */
    private static final Pattern RAW_MARKER = Pattern.compile("\\*\\*|__|`[^`]*`|\\*[^\\s*][^*]*\\*");

    @Test
    void noMarkdownMarkerSurvivesRenderingAnywhereInTheCourse() {
        LoadedContent content = ContentLoader.load(Path.of(System.getProperty("servicecraft.contentDir", "content")), Clock.systemUTC());
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        for (CourseModule m : content.course().modules()) {
            m.questions().forEach(q -> collect(q, texts));
            for (Exercise e : m.exercises()) {
                put(texts, e.id() + ".instructions", e.instructions());
                e.goalFields().forEach(g -> put(texts, e.id() + ".goal." + g.id(), g.prompt()));
                e.items().forEach(q -> collect(q, texts));
            }
        }
        assertTrue(texts.size() > 1000, "walked only " + texts.size() + " texts");
        assertTrue(texts.values().stream().anyMatch(t -> t.in(Language.ZH_CN).contains("**")), "the course uses inline Markdown");

        List<String> raw = new ArrayList<>();
        texts.forEach((where, text) -> {
            for (Language lang : Language.values()) {
                String shown = Encoding.decodeHtml(InlineMarkdown.html(text.in(lang)).replaceAll("<[^>]+>", ""), false);
                if (RAW_MARKER.matcher(shown).find()) {
                    raw.add(where + " [" + lang.tag() + "]: " + shown);
                }
            }
        });
        assertEquals(List.of(), raw);
    }

    /** Titles are plain text (page titles, headings, PDF headings, notifications): no marker at all. */
    @Test
    void moduleAndExerciseTitlesArePlainText() {
        LoadedContent content = ContentLoader.load(Path.of(System.getProperty("servicecraft.contentDir", "content")), Clock.systemUTC());
        List<String> marked = new ArrayList<>();
        for (CourseModule m : content.course().modules()) {
            List<LocalizedText> titles = new ArrayList<>(List.of(m.title()));
            m.exercises().forEach(e -> titles.add(e.title()));
            for (LocalizedText t : titles) {
                for (Language lang : Language.values()) {
                    if (RAW_MARKER.matcher(t.in(lang)).find()) {
                        marked.add(m.id() + ": " + t.in(lang));
                    }
                }
            }
        }
        assertEquals(List.of(), marked);
    }

    /**
     * The walk above names the fields it knows; this one finds every text of the loaded course by
     * reflection (every {@link LocalizedText} reachable from the course's records, lists, maps and
     * optionals, lessons aside: they are whole Markdown documents), so a field added to the content
     * format later is checked without anyone remembering to list it.
     */
    @Test
    void everyShortTextOfTheCourseFoundByReflectionRendersWithoutAMarker() throws Exception {
        LoadedContent content = ContentLoader.load(Path.of(System.getProperty("servicecraft.contentDir", "content")), Clock.systemUTC());
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        walk("course", content.course(), texts, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        assertTrue(texts.keySet().stream().anyMatch(k -> k.contains(".goalFields")), "action-plan prompts are walked: " + texts.size());
        assertTrue(texts.keySet().stream().anyMatch(k -> k.endsWith(".summary")), "summaries are walked");
        List<String> raw = new ArrayList<>();
        texts.forEach((where, text) -> {
            for (Language lang : Language.values()) {
                String shown = Encoding.decodeHtml(InlineMarkdown.html(text.in(lang)).replaceAll("<[^>]+>", ""), false);
                if (RAW_MARKER.matcher(shown).find()) {
                    raw.add(where + " [" + lang.tag() + "]: " + shown);
                }
            }
        });
        assertEquals(List.of(), raw);
    }

    private static void walk(String where, Object o, Map<String, LocalizedText> texts, java.util.Set<Object> seen) throws Exception {
        if (o == null || o instanceof Lesson || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>
                || !seen.add(o)) {
            return;
        }
        if (o instanceof LocalizedText t) {
            texts.put(where, t);
        } else if (o instanceof java.util.Optional<?> opt) {
            walk(where, opt.orElse(null), texts, seen);
        } else if (o instanceof java.util.List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(where + "[" + i + "]", list.get(i), texts, seen);
            }
        } else if (o instanceof java.util.Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                walk(where + "[" + e.getKey() + "]", e.getValue(), texts, seen);
            }
        } else if (o.getClass().isRecord()) {
            for (java.lang.reflect.RecordComponent c : o.getClass().getRecordComponents()) {
                java.lang.reflect.Method accessor = c.getAccessor();
                accessor.setAccessible(true);
                walk(where + "." + c.getName(), accessor.invoke(o), texts, seen);
            }
        }
    }

    /**
     * Pages show course texts only through the one renderer ({@code md.inline}, or {@code md.plain} where
     * only text fits): an expression that reads a content text field and writes it as it is would show an
     * author's {@code **} raw (as the action plan's prompts and the self-assessment's instructions did).
     */
    @Test
    void pagesShowCourseTextsOnlyThroughTheInlineRenderer() throws java.io.IOException {
        Pattern expression = Pattern.compile("#\\{([^}]*)}");
        Pattern contentField = Pattern.compile("\\.(instructions|prompt|summary|passage|explanation|distractor|feedback|scenario|modelAnswer"
                + "|statement|customer|criterion)\\b(\\(\\))?(?!\\.(?!in\\())(?!\\s*(==|!=|\\)\\s*(==|!=)))");
        List<String> raw = new ArrayList<>();
        try (java.util.stream.Stream<Path> files = java.util.stream.Stream.concat(java.nio.file.Files.walk(Path.of("src/main/webapp")),
                java.nio.file.Files.walk(Path.of("WEB-INF-templates")))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String source = java.nio.file.Files.readString(f).replaceAll("(?s)<!--.*?-->", "");
                for (java.util.regex.Matcher m = expression.matcher(source); m.find(); ) {
                    String el = m.group(1);
                    String before = source.substring(Math.max(0, m.start() - 40), m.start());
                    boolean test = before.matches("(?s).*(rendered|data-[a-z-]+|id)=\"$") || el.contains("empty ") || el.contains("msg[");
                    if (!test && contentField.matcher(el).find() && !el.contains("md.inline(") && !el.contains("md.plain(")) {
                        raw.add(f.getFileName() + ": #{" + el + "}");
                    }
                }
            }
        }
        assertEquals(List.of(), raw);
    }

    @Test
    void theMarkerCheckCatchesWhatCommonmarkLeavesAlone() {
        String shown = InlineMarkdown.html("**“已经”**问过了");
        assertTrue(RAW_MARKER.matcher(Encoding.decodeHtml(shown.replaceAll("<[^>]+>", ""), false)).find(), shown);
    }

    private static void collect(Question q, Map<String, LocalizedText> texts) {
        String id = q.id();
        put(texts, id + ".prompt", q.info().prompt());
        put(texts, id + ".explanation", q.info().explanation());
        put(texts, id + ".distractor", q.info().distractor());
        if (q instanceof SingleChoiceQuestion s) {
            choices(id, s.options(), texts);
        } else if (q instanceof MultipleChoiceQuestion m) {
            choices(id, m.options(), texts);
        } else if (q instanceof MatchingQuestion m) {
            for (MatchPair p : m.pairs()) {
                put(texts, id + "." + p.id() + ".left", p.left());
                put(texts, id + "." + p.id() + ".right", p.right());
            }
        } else if (q instanceof OrderingQuestion o) {
            items(id, o.items(), texts);
        } else if (q instanceof InferenceQuestion i) {
            put(texts, id + ".statement", i.statement());
        } else if (q instanceof FreeTextQuestion f) {
            put(texts, id + ".modelAnswer", f.modelAnswer());
            for (RubricCriterion c : f.rubric()) {
                put(texts, id + "." + c.id(), c.criterion());
            }
        } else if (q instanceof SelfRatingQuestion s) {
            items(id, s.statements(), texts);
        } else if (q instanceof RolePlayQuestion r) {
            put(texts, id + ".scenario", r.scenario());
            for (RolePlayQuestion.Node n : r.nodes()) {
                put(texts, id + "." + n.id() + ".customer", n.customer());
                put(texts, id + "." + n.id() + ".outcome", n.outcome());
                for (RolePlayQuestion.Response o : n.options()) {
                    put(texts, id + "." + n.id() + "." + o.id(), o.text());
                    put(texts, id + "." + n.id() + "." + o.id() + ".feedback", o.feedback());
                }
            }
        }
    }

    private static void choices(String id, List<Choice> choices, Map<String, LocalizedText> texts) {
        choices.forEach(c -> put(texts, id + "." + c.id(), c.text()));
    }

    private static void items(String id, List<TextItem> items, Map<String, LocalizedText> texts) {
        items.forEach(i -> put(texts, id + "." + i.id(), i.text()));
    }

    private static void put(Map<String, LocalizedText> texts, String where, LocalizedText text) {
        if (text != null) {
            texts.put(where, text);
        }
    }
}
