package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;

/**
 * A question or exercise item of the course, as written in the content files. Each type has its
 * own record; what a type scores and how is decided by its grader in {@code com.servicecraft.quiz}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = SingleChoiceQuestion.class, name = "single-choice"),
        @JsonSubTypes.Type(value = MultipleChoiceQuestion.class, name = "multiple-choice"),
        @JsonSubTypes.Type(value = TrueFalseQuestion.class, name = "true-false"),
        @JsonSubTypes.Type(value = MatchingQuestion.class, name = "matching"),
        @JsonSubTypes.Type(value = OrderingQuestion.class, name = "ordering"),
        @JsonSubTypes.Type(value = InferenceQuestion.class, name = "inference"),
        @JsonSubTypes.Type(value = FreeTextQuestion.class, name = "free-text"),
        @JsonSubTypes.Type(value = SelfRatingQuestion.class, name = "self-rating"),
        @JsonSubTypes.Type(value = RolePlayQuestion.class, name = "role-play")})
public sealed interface Question extends Serializable
        permits SingleChoiceQuestion, MultipleChoiceQuestion, TrueFalseQuestion, MatchingQuestion, OrderingQuestion,
        InferenceQuestion, FreeTextQuestion, SelfRatingQuestion, RolePlayQuestion {

    String id();

    /** The type's name in the content format, e.g. {@code single-choice}. */
    String typeName();

    QuestionInfo info();

    /** Whether the server can score it at once (free text waits for a trainer, self-ratings are not scored). */
    default boolean autoGraded() {
        return true;
    }

    /** Whether it counts towards a score at all. */
    default boolean scored() {
        return true;
    }

    /**
     * Whether "Check my answer" means something in practice: there is an answer to compare with.
     * Not for self-ratings (no right answer) nor role-plays (their conversation answers turn by turn).
     */
    default boolean checkable() {
        return true;
    }
}
