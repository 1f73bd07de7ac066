package com.servicecraft.question;

import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;

/** What every question has besides its type-specific parts. */
public record QuestionInfo(String topic, String difficulty, boolean postTest, LocalizedText prompt,
                           LocalizedText explanation, LocalizedText distractor) implements Serializable {
}
