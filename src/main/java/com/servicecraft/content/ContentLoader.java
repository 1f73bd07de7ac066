package com.servicecraft.content;

import com.servicecraft.shared.LocalizedText;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.servicecraft.shared.Language;
import com.servicecraft.question.Question;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads and checks the whole content folder. Never throws for bad content: every problem is
 * collected with file, line and reason, a module with an error is left out, and the rest loads.
 */
public final class ContentLoader {
    private static final ObjectMapper BIND = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path root;
    private final Clock clock;
    private final List<ContentProblem> problems = new ArrayList<>();

    private ContentLoader(Path root, Clock clock) {
        this.root = root;
        this.clock = clock;
    }

    public static LoadedContent load(Path root, Clock clock) {
        return new ContentLoader(root, clock).load();
    }

    private LoadedContent load() {
        YamlFile courseFile;
        try {
            courseFile = YamlFile.parse("course.yaml", read("course.yaml"), 0);
        } catch (ContentException e) {
            return new LoadedContent(null, List.of(e.problem()), root.toString(), clock.instant());
        }
        List<ContentProblem> courseProblems = ContentSchemas.check(ContentSchemas.COURSE, courseFile);
        if (!courseProblems.isEmpty()) {
            return new LoadedContent(null, courseProblems, root.toString(), clock.instant());
        }
        JsonNode c = courseFile.tree();
        List<CourseModule> modules = new ArrayList<>();
        Set<String> idsSeen = new HashSet<>();
        int index = 0;
        for (JsonNode m : c.get("modules")) {
            String moduleId = m.asText();
            ModuleReader reader = new ModuleReader(moduleId, courseFile.lineOf("modules", index++));
            reader.readModule().ifPresent(module -> {
                Set<String> ids = ids(module);
                Set<String> clash = new HashSet<>(ids);
                clash.retainAll(idsSeen);
                if (clash.isEmpty()) {
                    idsSeen.addAll(ids);
                    modules.add(module);
                } else {
                    problems.add(ContentProblem.error(moduleId + "/module.yaml", 1,
                            "ids already used by an earlier module: " + String.join(", ", clash)));
                }
            });
        }
        Course course = new Course(c.get("id").asText(), courseVersion(courseFile, modules), text(c.get("title")),
                c.has("summary") ? text(c.get("summary")) : text(c.get("title")), modules, completion(c.get("completion")),
                c.path("selfAssessment").asText(null), c.path("actionPlan").asText(null), postTest(c.get("postTest")));
        // References into a module that failed are noise: its own error already says what is wrong.
        if (modules.size() == c.get("modules").size()) {
            checkCourseReferences(courseFile, course);
        }
        return new LoadedContent(course, problems, root.toString(), clock.instant());
    }

    private void checkCourseReferences(YamlFile file, Course course) {
        for (String field : List.of("selfAssessment", "actionPlan")) {
            String id = file.tree().path(field).asText(null);
            if (id != null && course.exercise(id).isEmpty()) {
                problems.add(file.error("no loaded module has the exercise " + id, field));
            }
        }
        course.postTest().perModule().forEach((moduleId, n) -> {
            var module = course.module(moduleId);
            if (module.isEmpty()) {
                problems.add(file.error("the post-course test draws from " + moduleId + ", which is not loaded", "postTest", "perModule", moduleId));
            } else {
                long pool = module.get().questions().stream().filter(q -> q.info().postTest()).count();
                if (pool < n) {
                    problems.add(file.error("the post-course test draws " + n + " questions from " + moduleId
                            + " but only " + pool + " are marked postTest", "postTest", "perModule", moduleId));
                }
            }
        });
    }

    /** Reads one module folder; returns empty (and records why) when it has an error. */
    private final class ModuleReader {
        private final String id;
        private final int courseLine;
        private final Path dir;
        private final List<ContentProblem> found = new ArrayList<>();

        ModuleReader(String id, int courseLine) {
            this.id = id;
            this.courseLine = courseLine;
            this.dir = root.resolve(id);
        }

        java.util.Optional<CourseModule> readModule() {
            if (!Files.isDirectory(dir)) {
                problems.add(ContentProblem.error("course.yaml", courseLine, "module folder " + id + "/ does not exist"));
                return java.util.Optional.empty();
            }
            CourseModule module = null;
            try {
                YamlFile moduleFile = yaml("module.yaml");
                List<ContentProblem> schema = ContentSchemas.check(ContentSchemas.MODULE, moduleFile);
                found.addAll(schema);
                if (schema.isEmpty()) {
                    module = build(moduleFile);
                }
            } catch (ContentException e) {
                found.add(e.problem());
            }
            problems.addAll(found);
            boolean broken = found.stream().anyMatch(ContentProblem::isError);
            return broken || module == null ? java.util.Optional.empty() : java.util.Optional.of(module);
        }

        private CourseModule build(YamlFile moduleFile) throws ContentException {
            JsonNode m = moduleFile.tree();
            if (!id.equals(m.get("id").asText())) {
                found.add(moduleFile.error("the module id must equal its folder name " + id, "id"));
            }
            List<Exercise> exercises = exercises();
            Set<String> exerciseIds = new HashSet<>();
            exercises.forEach(e -> exerciseIds.add(e.id()));
            List<Lesson> lessons = new ArrayList<>();
            int i = 0;
            for (JsonNode stem : m.path("lessons")) {
                lesson(stem.asText(), moduleFile.lineOf("lessons", i++), exerciseIds).ifPresent(lessons::add);
            }
            int before = found.size();
            List<Question> questions = questions();
            boolean bankReadable = found.size() == before;
            QuizSettings quiz = m.has("quiz") ? settings(m.get("quiz")) : null;
            if (bankReadable && quiz != null && questions.isEmpty()) {
                found.add(moduleFile.error("a module quiz needs questions.yaml with questions", "quiz"));
            }
            if (bankReadable && quiz != null && quiz.draw() > questions.stream().filter(Question::scored).count()) {
                found.add(moduleFile.error("the quiz draws " + quiz.draw() + " questions but the bank has fewer", "quiz", "draw"));
            }
            Set<String> lessonIds = new HashSet<>();
            for (Lesson l : lessons) {
                if (!lessonIds.add(l.id())) {
                    found.add(ContentProblem.error(id + "/" + l.stem() + ".zh-CN.md", 2, "duplicate lesson id " + l.id()));
                }
            }
            return new CourseModule(id, version(), text(m.get("title")), text(m.get("summary")), lessons, questions, exercises, quiz);
        }

        private java.util.Optional<Lesson> lesson(String stem, int listLine, Set<String> exerciseIds) {
            Map<Language, Lesson.LessonText> texts = new EnumMap<>(Language.class);
            String lessonId = null;
            int minutes = 0;
            Integer minReadSeconds = null;
            for (Language lang : Language.values()) {
                String name = stem + "." + lang.tag() + ".md";
                String file = id + "/" + name;
                if (!Files.exists(dir.resolve(name))) {
                    continue;
                }
                try {
                    LessonSource src = LessonSource.parse(file, read(id + "/" + name));
                    YamlFile fm = YamlFile.parse(file, src.frontMatter(), src.frontMatterLine() - 1);
                    List<ContentProblem> schema = ContentSchemas.check(ContentSchemas.LESSON, fm);
                    if (!schema.isEmpty()) {
                        found.addAll(schema);
                        continue;
                    }
                    String fmId = fm.tree().get("id").asText();
                    if (lessonId != null && !lessonId.equals(fmId)) {
                        found.add(fm.error("both language files of a lesson need the same id (" + lessonId + ")", "id"));
                    }
                    lessonId = fmId;
                    minutes = fm.tree().get("minutes").asInt();
                    if (fm.tree().has("minReadSeconds")) {
                        int given = fm.tree().get("minReadSeconds").asInt();
                        if (minReadSeconds != null && minReadSeconds != given) {
                            found.add(fm.error("both language files of a lesson need the same minReadSeconds (" + minReadSeconds + ")",
                                    "minReadSeconds"));
                        }
                        minReadSeconds = given;
                    }
                    found.addAll(LessonRenderer.check(file, src.parts()));
                    for (LessonSource.Part part : src.parts()) {
                        if (part instanceof LessonSource.Embed e && e.kind().equals("exercise") && !exerciseIds.contains(e.target())) {
                            found.add(ContentProblem.error(file, e.line(), "unknown exercise " + e.target() + " (not in " + id + "/exercises.yaml)"));
                        }
                    }
                    for (var ref : LessonRenderer.mediaReferences(src.parts())) {
                        if (!mediaExists(ref.getKey())) {
                            found.add(ContentProblem.error(file, ref.getValue(), "media file not found: " + id + "/" + ref.getKey()));
                        }
                    }
                    String plain = LessonRenderer.plainText(src.parts());
                    texts.put(lang, new Lesson.LessonText(fm.tree().get("title").asText(), src.body(), LessonRenderer.countChars(plain),
                            ReadingTime.estimatedSeconds(lang, plain), file));
                } catch (ContentException e) {
                    found.add(e.problem());
                }
            }
            if (texts.isEmpty()) {
                found.add(ContentProblem.error(id + "/module.yaml", listLine, "lesson " + stem + " has no file (" + stem + ".zh-CN.md / " + stem + ".en.md)"));
                return java.util.Optional.empty();
            }
            for (Language lang : Language.values()) {
                if (!texts.containsKey(lang) && found.stream().noneMatch(p -> p.file().startsWith(id + "/" + stem + "."))) {
                    found.add(ContentProblem.warning(id + "/module.yaml", listLine,
                            "lesson " + stem + " has no " + lang.tag() + " translation (" + stem + "." + lang.tag() + ".md); readers see the other language"));
                }
            }
            return lessonId == null ? java.util.Optional.empty()
                    : java.util.Optional.of(new Lesson(lessonId, id, stem, minutes,
                            minReadSeconds != null ? minReadSeconds : ReadingTime.defaultMinimumSeconds(texts.values()), texts));
        }

        private List<Question> questions() throws ContentException {
            if (!Files.exists(dir.resolve("questions.yaml"))) {
                return List.of();
            }
            YamlFile file = yaml("questions.yaml");
            List<ContentProblem> schema = ContentSchemas.check(ContentSchemas.QUESTIONS, file);
            if (!schema.isEmpty()) {
                found.addAll(schema);
                return List.of();
            }
            List<Question> result = new ArrayList<>();
            JsonNode list = file.tree().get("questions");
            for (int i = 0; i < list.size(); i++) {
                Question q = bind(file, list.get(i), i, "questions");
                if (q == null) {
                    continue;
                }
                checkQuestion(file, q, List.of("questions", i), false);
                if (q.info().postTest() && !q.allowedInPostTest()) {
                    found.add(file.error("only automatically scored types can be in the post-course test", "questions", i, "postTest"));
                }
                result.add(q);
            }
            checkUnique(file, result.stream().map(Question::id).toList(), "questions");
            return result;
        }

        private List<Exercise> exercises() throws ContentException {
            if (!Files.exists(dir.resolve("exercises.yaml"))) {
                return List.of();
            }
            YamlFile file = yaml("exercises.yaml");
            List<ContentProblem> schema = ContentSchemas.check(ContentSchemas.EXERCISES, file);
            if (!schema.isEmpty()) {
                found.addAll(schema);
                return List.of();
            }
            List<Exercise> result = new ArrayList<>();
            JsonNode list = file.tree().get("exercises");
            for (int i = 0; i < list.size(); i++) {
                JsonNode x = list.get(i);
                String kind = x.get("kind").asText();
                List<Question> items = new ArrayList<>();
                JsonNode itemNodes = x.path("items");
                for (int j = 0; j < itemNodes.size(); j++) {
                    Question q = bind(file, itemNodes.get(j), j, "exercises", i, "items");
                    if (q != null) {
                        checkQuestion(file, q, List.of("exercises", i, "items", j), kind.equals("listening-game"));
                        items.add(q);
                    }
                }
                if (kind.equals("listening-game") && !x.has("passage")) {
                    found.add(file.error("a listening game needs a passage", "exercises", i));
                }
                if (kind.equals("action-plan") && !x.has("goalFields")) {
                    found.add(file.error("an action-plan template needs goalFields", "exercises", i));
                }
                if (!kind.equals("action-plan") && items.isEmpty()) {
                    found.add(file.error("an exercise needs items", "exercises", i));
                }
                if (x.has("audio") && !mediaExists(x.get("audio").asText())) {
                    found.add(file.error("media file not found: " + id + "/" + x.get("audio").asText(), "exercises", i, "audio"));
                }
                List<Exercise.GoalField> goals = new ArrayList<>();
                x.path("goalFields").forEach(g -> goals.add(new Exercise.GoalField(g.get("id").asText(), text(g.get("prompt")))));
                result.add(new Exercise(x.get("id").asText(), id, kind, text(x.get("title")), text(x.get("instructions")),
                        x.has("settings") ? settings(x.get("settings")) : QuizSettings.practice(),
                        x.has("passage") ? text(x.get("passage")) : null, x.path("showSeconds").asInt(60),
                        x.path("audio").asText(null), goals, items));
            }
            List<String> ids = new ArrayList<>();
            result.forEach(e -> {
                ids.add(e.id());
                e.items().forEach(q -> ids.add(q.id()));
            });
            checkUnique(file, ids, "exercises");
            return result;
        }

        private Question bind(YamlFile file, JsonNode node, int index, Object... parent) {
            try {
                return BIND.treeToValue(node, Question.class);
            } catch (IOException | IllegalArgumentException e) {
                List<Object> path = new ArrayList<>(List.of(parent));
                path.add(index);
                found.add(ContentProblem.error(file.name(), file.lineOf(path), "cannot read this question: " + e.getMessage()));
                return null;
            }
        }

        private void checkQuestion(YamlFile file, Question q, List<Object> path, boolean inListeningGame) {
            q.contentProblems(inListeningGame)
                    .forEach(p -> found.add(ContentProblem.error(file.name(), file.lineOf(path), q.id() + ": " + p)));
        }

        private void checkUnique(YamlFile file, List<String> ids, Object... path) {
            Set<String> seen = new HashSet<>();
            for (String i : ids) {
                if (!seen.add(i)) {
                    found.add(ContentProblem.error(file.name(), file.lineOf(path), "duplicate id " + i));
                }
            }
        }

        private boolean mediaExists(String relative) {
            Path p = dir.resolve(relative).normalize();
            return p.startsWith(dir) && Files.isRegularFile(p);
        }

        private YamlFile yaml(String name) throws ContentException {
            return YamlFile.parse(id + "/" + name, read(id + "/" + name), 0);
        }

        /** A hash of every file of the module: the version that progress and attempts record. */
        private String version() {
            try (Stream<Path> files = Files.walk(dir)) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    sha.update(dir.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                    sha.update((byte) 0);
                    sha.update(Files.readAllBytes(f));
                }
                return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static Set<String> ids(CourseModule m) {
        Set<String> ids = new HashSet<>();
        m.lessons().forEach(l -> ids.add(l.id()));
        m.questions().forEach(q -> ids.add(q.id()));
        m.exercises().forEach(e -> {
            ids.add(e.id());
            e.items().forEach(q -> ids.add(q.id()));
        });
        return ids;
    }

    private String courseVersion(YamlFile courseFile, List<CourseModule> modules) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(read("course.yaml").getBytes(StandardCharsets.UTF_8));
            modules.forEach(m -> sha.update((m.id() + "@" + m.version()).getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException | ContentException e) {
            throw new IllegalStateException(e);
        }
    }

    private String read(String relative) throws ContentException {
        try {
            return Files.readString(root.resolve(relative), StandardCharsets.UTF_8);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ContentException(ContentProblem.error(relative, 1, "file not found"));
        } catch (IOException e) {
            throw new ContentException(ContentProblem.error(relative, 1, "cannot read the file: " + e.getMessage()));
        }
    }

    static LocalizedText text(JsonNode node) {
        Map<String, String> m = new HashMap<>();
        node.fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asText()));
        return new LocalizedText(m);
    }

    static QuizSettings settings(JsonNode s) {
        return new QuizSettings(s.path("draw").asInt(0), s.path("passMark").asInt(0), s.path("attempts").asInt(0),
                s.path("timeLimitMinutes").asInt(0), s.path("shuffle").asBoolean(false),
                "practice".equals(s.path("mode").asText()) ? QuizSettings.Mode.PRACTICE : QuizSettings.Mode.TEST,
                review(s.get("review")), strings(s.get("topics")), strings(s.get("difficulties")));
    }

    static QuizSettings.ReviewOptions review(JsonNode r) {
        if (r == null) {
            return QuizSettings.ReviewOptions.ALL;
        }
        return new QuizSettings.ReviewOptions(reviews(r.get("afterSubmit")), reviews(r.get("afterClose")));
    }

    private static Set<QuizSettings.Review> reviews(JsonNode list) {
        Set<QuizSettings.Review> s = new HashSet<>();
        if (list != null) {
            list.forEach(v -> s.add(QuizSettings.Review.valueOf(v.asText().toUpperCase())));
        }
        return s;
    }

    private static List<String> strings(JsonNode list) {
        List<String> s = new ArrayList<>();
        if (list != null) {
            list.forEach(v -> s.add(v.asText()));
        }
        return s;
    }

    private static Course.Completion completion(JsonNode c) {
        return c == null ? new Course.Completion(true, true, true)
                : new Course.Completion(c.path("requireAllLessons").asBoolean(true), c.path("requireModuleQuizzes").asBoolean(true),
                c.path("requirePostTest").asBoolean(true));
    }

    private static Course.PostTest postTest(JsonNode p) {
        Map<String, Integer> per = new HashMap<>();
        p.get("perModule").fields().forEachRemaining(e -> per.put(e.getKey(), e.getValue().asInt()));
        return new Course.PostTest(p.get("minutes").asInt(), per, p.get("passMark").asInt(), p.path("attempts").asInt(1),
                p.path("shuffle").asBoolean(true), review(p.get("review")));
    }
}
