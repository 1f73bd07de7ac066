package com.servicecraft.question;

import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;

/** One line of a trainer's rubric: what to look for and how many points it is worth. */
public record RubricCriterion(String id, LocalizedText criterion, int points) implements Serializable {
}
