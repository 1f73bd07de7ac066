package com.servicecraft.question;

import java.io.Serializable;

/** Something the page shows to pick or arrange: a token (or id) and its text. Never whether it is right. */
public record Opt(String key, String text) implements Serializable {
}
