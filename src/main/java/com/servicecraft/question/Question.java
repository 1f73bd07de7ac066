package com.servicecraft.question;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.servicecraft.shared.Language;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question or exercise item of the course. Each type is one record that knows all it does: how it
 * is read from the content files (its {@code fromContent} factory, listed below for Jackson) and
 * checked beyond the schema, which ids an attempt hides behind tokens, what the attempt page shows
 * and how its input becomes an {@link Answer}, which answers fit it, how they are graded, and what a
 * review and the statistics show. Its view is {@code WEB-INF-templates/questions/<type>.xhtml}.
 *
 * <p>Adding a type: its record here (and in the two lists below), its view, its entry in the content
 * schema; see the README's "Question types".
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

    /** The type's name in the content format, e.g. {@code single-choice}; also its view's name. */
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

    /** Whether the post-course test may contain it (auto-graded types with one key). */
    default boolean allowedInPostTest() {
        return false;
    }

    // ---- loading

    /** What is wrong with it beyond the schema, one message per problem (the loader adds file and line). */
    default List<String> contentProblems(boolean inListeningGame) {
        return List.of();
    }

    // ---- drawing

    /** The ids an attempt shows behind per-attempt tokens, in content order; empty when the page needs none. */
    default List<String> optionIds() {
        return List.of();
    }

    /** Whether those are shuffled even when the quiz keeps the content order (the content order is the key). */
    default boolean alwaysShuffled() {
        return false;
    }

    // ---- the attempt page

    /** What the page shows, with the attempt's tokens ({@code tokenToId}) in place of content ids. */
    Presentation present(Map<String, ?> tokenToId, Language lang);

    /**
     * The page's input as an answer in content ids; null when there is nothing to save yet.
     *
     * @throws ForgedAnswerException for input no page of ours sends
     */
    Answer read(PageInput input);

    /** Whether each change is saved by the autosave request; false for button-driven types, saved through the page. */
    default boolean autosaved() {
        return true;
    }

    /** Whether the answer counts as answered for the question navigator. */
    boolean complete(Answer a);

    /** Whether the page's current input counts as answered; {@code saved}: it has been stored at least once. */
    default boolean answeredOnPage(Answer current, boolean saved) {
        return complete(current);
    }

    /** A role-play's state after the given responses; null for the other types. */
    default Conversation converse(List<String> chosen, Language lang) {
        return null;
    }

    // ---- validation and grading

    /** Whether the answer fits: only its own options, a real permutation, a valid path, sane text. */
    boolean fits(Answer a);

    /** Grades an answer (null: not answered); a pure function. */
    Grade grade(Answer a);

    /** Written work a trainer grades against a rubric, if this is such. */
    default Optional<FreeTextQuestion> writtenWork() {
        return Optional.empty();
    }

    // ---- review and statistics

    /** The text a review shows as the question. */
    default String reviewPrompt(Language lang) {
        return info().prompt() == null ? "" : info().prompt().in(lang);
    }

    /** The trainee's answer in words; null when there is none. */
    String describe(Answer a, Language lang);

    /** The right answer in words; null when there is no single right answer. */
    default String rightAnswer(Language lang) {
        return null;
    }

    /** The explanation a review shows; null when there is none. */
    default String reviewExplanation(Language lang) {
        return info().explanation() == null ? null : info().explanation().in(lang);
    }

    /** A role-play's path, dimensions and outcome, as far as {@code allowed} lets the review show them. */
    default ReviewExtras reviewExtras(Answer a, Review allowed, Language lang) {
        return ReviewExtras.NONE;
    }

    /**
     * The words of a chosen answer in the statistics ({@code chosen}: option ids joined by "+", or a
     * value): one text per part; null when the stored value is shown as it is (YES / NO / ?).
     */
    default List<String> chosenLabels(String chosen, Language lang) {
        return null;
    }
}
