package com.servicecraft.content;

import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The JSON Schemas of the content format (the files in content/schema), applied to parsed YAML. */
public final class ContentSchemas {
    public static final String COURSE = "course.schema.json";
    public static final String MODULE = "module.schema.json";
    public static final String LESSON = "lesson.schema.json";
    public static final String QUESTIONS = "questions.schema.json";
    public static final String EXERCISES = "exercises.schema.json";

    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private ContentSchemas() {
    }

    /** Every schema violation, with file, line and reason; several per file at most a few dozen. */
    public static List<ContentProblem> check(String schemaName, YamlFile file) {
        List<ContentProblem> problems = new ArrayList<>();
        List<ValidationMessage> messages = new ArrayList<>(schema(schemaName).validate(file.tree()));
        messages.sort(Comparator.comparing(m -> m.getInstanceLocation().toString()));
        for (ValidationMessage m : messages) {
            List<Object> path = new ArrayList<>();
            var location = m.getInstanceLocation();
            for (int i = 0; i < location.getNameCount(); i++) {
                path.add(location.getElement(i));
            }
            problems.add(ContentProblem.error(file.name(), file.lineOf(path), m.getMessage()));
            if (problems.size() >= 30) {
                break;
            }
        }
        return problems;
    }

    private static JsonSchema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = ContentSchemas.class.getResourceAsStream("schema/" + n)) {
                if (in == null) {
                    throw new IllegalStateException("Schema not on the classpath: " + n);
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
