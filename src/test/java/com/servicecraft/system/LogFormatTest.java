package com.servicecraft.system;

import org.junit.jupiter.api.Test;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every library's log reaches java.util.logging, and each record is one line in one format. */
class LogFormatTest {

    @Test
    void slf4jAndLog4jCallsAreBridgedToJavaUtilLogging() {
        assertEquals("org.slf4j.jul.JDK14LoggerFactory", org.slf4j.LoggerFactory.getILoggerFactory().getClass().getName(),
                "HikariCP and Flyway log through SLF4J: without a provider their lines are dropped");
        String log4j = org.apache.logging.log4j.LogManager.getContext(false).getClass().getName();
        assertTrue(log4j.startsWith("org.apache.logging.log4j.tojul"), "POI logs through the Log4j API: " + log4j);
    }

    @Test
    void aRecordIsOneLineWithUtcTimeLevelLoggerAndMessage() {
        LogRecord record = new LogRecord(Level.WARNING, "Content: {0} modules");
        record.setParameters(new Object[] {8});
        record.setLoggerName("com.servicecraft.content.ContentRepository");
        record.setInstant(java.time.Instant.parse("2026-12-07T12:13:09.045Z"));

        assertEquals("2026-12-07T12:13:09.045Z WARNING com.servicecraft.content.ContentRepository: Content: 8 modules"
                + System.lineSeparator(), new LogFormat().format(record));
    }

    @Test
    void aStackTraceFollowsItsLine() {
        LogRecord record = new LogRecord(Level.SEVERE, "failed");
        record.setLoggerName(Logger.GLOBAL_LOGGER_NAME);
        record.setThrown(new IllegalStateException("boom"));

        String text = new LogFormat().format(record);
        assertTrue(text.contains("SEVERE  global: failed" + System.lineSeparator() + "java.lang.IllegalStateException: boom"), text);
    }
}
