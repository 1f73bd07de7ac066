package com.servicecraft.quiz;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Exercise;
import com.servicecraft.shared.LocalizedText;
import com.servicecraft.question.Question;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a question as it was in the module version an attempt was taken on: from the served
 * content when the version is current, else from the files kept in the database. Old versions
 * never change, so they are cached.
 */
@ApplicationScoped
public class QuestionCatalog {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** Questions and exercises of one module version. */
    public record Snapshot(Map<String, Question> questions, Map<String, PassageInfo> passages) {
    }

    /** The listening-game passage an exercise item belongs to. */
    public record PassageInfo(String exerciseId, LocalizedText passage, int showSeconds, String audio) {
    }

    private final ContentRepository content;
    private final Transactions tx;
    private final Map<String, Snapshot> old = new ConcurrentHashMap<>();

    @Inject
    public QuestionCatalog(ContentRepository content, Transactions tx) {
        this.content = content;
        this.tx = tx;
    }

    public Question question(String moduleId, String version, String questionId) {
        Question q = snapshot(moduleId, version).questions().get(questionId);
        if (q == null) {
            throw new IllegalStateException("Question " + questionId + " is not in " + moduleId + "@" + version);
        }
        return q;
    }

    public Optional<PassageInfo> passage(String moduleId, String version, String questionId) {
        return Optional.ofNullable(snapshot(moduleId, version).passages().get(questionId));
    }

    public Snapshot snapshot(String moduleId, String version) {
        Optional<CourseModule> current = Optional.ofNullable(content.course()).flatMap(c -> c.module(moduleId))
                .filter(m -> m.version().equals(version));
        if (current.isPresent()) {
            // A version is a hash of the module's files: its questions never change, so it can be kept.
            return old.computeIfAbsent(moduleId + "@" + version, k -> of(current.get().questions(), current.get().exercises()));
        }
        return old.computeIfAbsent(moduleId + "@" + version, k -> load(moduleId, version));
    }

    static Snapshot of(List<Question> bank, List<Exercise> exercises) {
        Map<String, Question> questions = new HashMap<>();
        Map<String, PassageInfo> passages = new HashMap<>();
        bank.forEach(q -> questions.put(q.id(), q));
        for (Exercise e : exercises) {
            for (Question q : e.items()) {
                questions.put(q.id(), q);
                if (e.passage() != null) {
                    passages.put(q.id(), new PassageInfo(e.id(), e.passage(), e.showSeconds(), e.audio()));
                }
            }
        }
        return new Snapshot(questions, passages);
    }

    private Snapshot load(String moduleId, String version) {
        List<?> rows = tx.read(em -> em.createNativeQuery(
                        "select questions_yaml, exercises_yaml from content_module_version where module_id = ? and version = ?")
                .setParameter(1, moduleId).setParameter(2, version).getResultList());
        if (rows.isEmpty()) {
            throw new IllegalStateException("No stored content for " + moduleId + "@" + version);
        }
        Object[] row = (Object[]) rows.get(0);
        try {
            List<Question> bank = new java.util.ArrayList<>();
            if (row[0] != null) {
                for (JsonNode n : YAML.readTree(text(row[0])).path("questions")) {
                    bank.add(YAML.treeToValue(n, Question.class));
                }
            }
            List<Exercise> exercises = new java.util.ArrayList<>();
            if (row[1] != null) {
                for (JsonNode x : YAML.readTree(text(row[1])).path("exercises")) {
                    List<Question> items = new java.util.ArrayList<>();
                    for (JsonNode n : x.path("items")) {
                        items.add(YAML.treeToValue(n, Question.class));
                    }
                    LocalizedText passage = x.has("passage") ? YAML.treeToValue(x.get("passage"), LocalizedText.class) : null;
                    exercises.add(new Exercise(x.get("id").asText(), moduleId, x.get("kind").asText(), null, null, null, passage,
                            x.path("showSeconds").asInt(60), x.path("audio").asText(null), null, items));
                }
            }
            return of(bank, exercises);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored content of " + moduleId + "@" + version + " is unreadable", e);
        }
    }

    private static String text(Object clobOrString) {
        if (clobOrString instanceof java.sql.Clob clob) {
            try {
                return clob.getSubString(1, (int) clob.length());
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return clobOrString.toString();
    }
}
