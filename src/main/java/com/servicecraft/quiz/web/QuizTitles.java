package com.servicecraft.quiz.web;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.identity.Language;
import com.servicecraft.quiz.AttemptKind;
import com.servicecraft.shared.web.Messages;

/** The title of a quiz source in the reader's language: the one place every page names an attempt by. */
public final class QuizTitles {
    private QuizTitles() {
    }

    public static String title(ContentRepository content, AttemptKind kind, String sourceId, Language lang) {
        Course course = content.course();
        if (course == null && kind != AttemptKind.POST_TEST) {
            return sourceId;
        }
        return switch (kind) {
            case POST_TEST -> Messages.text(lang.locale(), "quiz.postTest");
            case MODULE_QUIZ -> course.module(sourceId).map(m -> Messages.text(lang.locale(), "quiz.moduleQuiz", m.title().in(lang))).orElse(sourceId);
            case EXERCISE -> course.exercise(sourceId).map(e -> e.title().in(lang)).orElse(sourceId);
        };
    }
}
