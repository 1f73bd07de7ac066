package com.servicecraft.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user name with CR/LF cannot forge a log line. */
class LogSafeTest {
    @Test
    void lineBreaksAndOtherControlCharactersBecomeVisibleEscapes() {
        assertEquals("admin\\u000d\\u000aINFO: admin signed in", LogSafe.text("admin\r\nINFO: admin signed in"));
        assertEquals("a\\u0009b\\u2028c\\u202ed\\u001b[31m", LogSafe.text("a\tb\u2028c\u202ed\u001b[31m"));
        assertFalse(LogSafe.text("x\ny").contains("\n"));
    }

    @Test
    void ordinaryTextIsUnchanged() {
        assertEquals("王磊 wang.lei@example.com", LogSafe.text("王磊 wang.lei@example.com"));
        assertEquals("null", LogSafe.text(null));
        assertTrue(LogSafe.text("x".repeat(1000)).length() < 400, "long input is cut");
    }

    @Test
    void detectsControlCharacters() {
        assertTrue(LogSafe.hasControlCharacters("a\rb"));
        assertFalse(LogSafe.hasControlCharacters("孙悦"));
        assertFalse(LogSafe.hasControlCharacters(null));
    }
}
