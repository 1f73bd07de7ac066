package com.servicecraft.reporting;

/** Who reads the records (a signed-in HR officer or administrator, or an API caller). */
public record Viewer(long userId, String username, boolean admin) {
}
