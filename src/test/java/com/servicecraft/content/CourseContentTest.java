package com.servicecraft.content;

import com.servicecraft.question.RolePlayGraph;
import com.servicecraft.shared.Language;
import com.servicecraft.question.InferenceQuestion;
import com.servicecraft.question.Question;
import com.servicecraft.question.RolePlayQuestion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guards the real course in content/: it must load without a single problem, with the counts the course promises. */
class CourseContentTest {
    static final List<String> TEACHING_MODULES = List.of("m1-etiquette", "m2-service-marketing", "m3-customer-types",
            "m4-active-listening", "m5-guarantees-recovery", "m6-complaint-handling");
    static LoadedContent content;

    @BeforeAll
    static void load() {
        content = ContentLoader.load(Path.of(System.getProperty("servicecraft.contentDir", "content")), Clock.systemUTC());
    }

    @Test
    void everyFileInContentPassesValidation() {
        assertEquals(List.of(), content.problems().stream().map(ContentProblem::toString).toList());
        assertEquals(8, content.course().modules().size());
    }

    @Test
    void everyTeachingModuleHasAtLeastFourFullLessonsInBothLanguages() {
        for (String id : TEACHING_MODULES) {
            CourseModule m = content.course().module(id).orElseThrow();
            assertTrue(m.lessons().size() >= 4, id);
            for (Lesson l : m.lessons()) {
                Lesson.LessonText zh = l.text(Language.ZH_CN).orElseThrow();
                Lesson.LessonText en = l.text(Language.EN).orElseThrow(() -> new AssertionError(l.id() + " has no English"));
                long han = zh.markdown().codePoints().filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN).count();
                assertTrue(han >= 1200, l.id() + " has only " + han + " Chinese characters");
                assertTrue(en.plainChars() >= zh.plainChars(), l.id() + ": the English version looks like a summary");
                assertTrue(zh.markdown().contains(":::try") && en.markdown().contains(":::try"), l.id() + " needs a try-it prompt");
                assertTrue(zh.markdown().matches("(?s).*:::(example|dialogue).*"), l.id() + " needs an example or dialogue");
            }
        }
    }

    @Test
    void everyModuleBankHasTwentyExplainedQuestionsOfFourTypes() {
        for (String id : TEACHING_MODULES) {
            CourseModule m = content.course().module(id).orElseThrow();
            assertTrue(m.questions().size() >= 20, id);
            Set<String> types = m.questions().stream().map(Question::typeName).collect(Collectors.toSet());
            assertTrue(types.size() >= 4, id + " " + types);
            for (Question q : m.questions()) {
                assertTrue(q.info().explanation() != null && q.info().explanation().has(Language.EN) && q.info().explanation().has(Language.ZH_CN), q.id());
                assertTrue(q.info().distractor() != null && q.info().distractor().has(Language.EN), q.id());
                assertTrue(Set.of("easy", "medium", "hard").contains(q.info().difficulty()), q.id());
                assertTrue(q.info().topic() != null && !q.info().topic().isBlank(), q.id());
            }
            assertTrue(m.exercises().stream().anyMatch(e -> e.kind().equals("reflection")), id + " needs a mid-module reflection");
        }
    }

    @Test
    void theCourseHasItsSignatureExercises() {
        List<Exercise> all = content.course().modules().stream().flatMap(m -> m.exercises().stream()).toList();
        List<Exercise> games = all.stream().filter(e -> e.kind().equals("listening-game")).toList();
        assertTrue(games.size() >= 2);
        games.forEach(g -> assertTrue(g.items().stream().filter(i -> i instanceof InferenceQuestion).count() >= 10, g.id()));
        List<RolePlayQuestion> rolePlays = all.stream().flatMap(e -> e.items().stream())
                .filter(q -> q instanceof RolePlayQuestion).map(q -> (RolePlayQuestion) q).toList();
        assertTrue(rolePlays.size() >= 4);
        rolePlays.forEach(r -> assertTrue(RolePlayGraph.shortestPath(r) >= 6, r.id() + " has a path shorter than 6 decisions"));
        assertTrue(content.course().exercise("m1-x-stress").isPresent());
        assertTrue(content.course().exercise("m1-x-appearance").isPresent());
        assertTrue(content.course().exercise("m6-x-rewrite").map(e -> e.items().size() >= 10).orElse(false));
        assertTrue(content.course().exercise(content.course().selfAssessment()).isPresent());
        assertEquals("action-plan", content.course().exercise(content.course().actionPlan()).orElseThrow().kind());
    }

    @Test
    void thePostCourseTestPoolHasSixtyQuestionsFromAllSixModules() {
        long pool = content.course().modules().stream().flatMap(m -> m.questions().stream()).filter(q -> q.info().postTest()).count();
        assertTrue(pool >= 60, "pool " + pool);
        assertEquals(30, content.course().postTest().minutes());
        assertEquals(Set.copyOf(TEACHING_MODULES), content.course().postTest().perModule().keySet());
    }

    @Test
    void theSchemasInContentAreTheOnesTheLoaderUses() throws Exception {
        for (String name : List.of(ContentSchemas.COURSE, ContentSchemas.MODULE, ContentSchemas.LESSON,
                ContentSchemas.QUESTIONS, ContentSchemas.EXERCISES)) {
            Path file = Path.of(System.getProperty("servicecraft.contentDir", "content"), "schema", name);
            try (var in = ContentSchemas.class.getResourceAsStream("schema/" + name)) {
                assertEquals(Files.readString(file), new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), name);
            }
        }
    }
}
