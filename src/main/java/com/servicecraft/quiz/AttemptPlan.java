package com.servicecraft.quiz;

import com.servicecraft.shared.LocalizedText;
import com.servicecraft.content.QuizSettings;
import com.servicecraft.question.Question;

import java.util.List;

/**
 * What an attempt of a source is made of: its settings and the questions to draw from, each with
 * the module version it comes from.
 */
public record AttemptPlan(AttemptKind kind, String sourceId, LocalizedText title, String exerciseKind,
                          QuizSettings settings, List<Pick> pool, List<Draw> draws) {

    public record Pick(String moduleId, String moduleVersion, Question question) {
    }

    /** Draw {@code count} from the picks of a module ({@code count == 0}: all of them). */
    public record Draw(String moduleId, int count) {
    }

    public boolean isPostTest() {
        return kind == AttemptKind.POST_TEST;
    }
}
