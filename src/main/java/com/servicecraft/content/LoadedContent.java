package com.servicecraft.content;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** The result of loading the content folder: the course (without broken modules) and every problem found. */
public record LoadedContent(Course course, List<ContentProblem> problems, String source, Instant loadedAt)
        implements Serializable {
    public LoadedContent {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(ContentProblem::isError);
    }

    public long lessonCount() {
        return course == null ? 0 : course.modules().stream().mapToLong(m -> m.lessons().size()).sum();
    }

    public long questionCount() {
        return course == null ? 0 : course.modules().stream()
                .mapToLong(m -> m.questions().size() + m.exercises().stream().mapToLong(e -> e.items().size()).sum()).sum();
    }
}
