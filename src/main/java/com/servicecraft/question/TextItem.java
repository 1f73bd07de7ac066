package com.servicecraft.question;

import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;

/** An item with an id and a text: an ordering step, a statement to rate. */
public record TextItem(String id, LocalizedText text) implements Serializable {
}
