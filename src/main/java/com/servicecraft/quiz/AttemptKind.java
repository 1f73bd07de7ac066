package com.servicecraft.quiz;

/** What an attempt is of: a module quiz, a practice exercise, or the post-course test. */
public enum AttemptKind {
    MODULE_QUIZ, EXERCISE, POST_TEST
}
