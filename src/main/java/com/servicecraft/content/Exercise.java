package com.servicecraft.content;

import com.servicecraft.shared.LocalizedText;
import com.servicecraft.question.Question;

import java.io.Serializable;
import java.util.List;

/**
 * A practice exercise of a module: a listening game, a drill, a role-play, a written assignment,
 * a reflection, the self-assessment or the action-plan template.
 */
public record Exercise(String id, String moduleId, String kind, LocalizedText title, LocalizedText instructions,
                       QuizSettings settings, LocalizedText passage, int showSeconds, String audio,
                       List<GoalField> goalFields, List<Question> items) implements Serializable {

    public record GoalField(String id, LocalizedText prompt) implements Serializable {
    }

    public Exercise {
        goalFields = goalFields == null ? List.of() : List.copyOf(goalFields);
        items = items == null ? List.of() : List.copyOf(items);
        settings = settings == null ? QuizSettings.practice() : settings;
    }
}
