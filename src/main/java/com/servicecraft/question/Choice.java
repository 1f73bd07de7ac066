package com.servicecraft.question;

import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;

/** An option of a choice question. */
public record Choice(String id, LocalizedText text, boolean correct) implements Serializable {
}
