package com.servicecraft.question;

import com.servicecraft.shared.LocalizedText;

import java.io.Serializable;

/** A left side and the right side it belongs with. */
public record MatchPair(String id, LocalizedText left, LocalizedText right) implements Serializable {
}
