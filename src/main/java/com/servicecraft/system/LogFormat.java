package com.servicecraft.system;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Logging is configured once, here: everything (the application, and through the SLF4J and Log4j
 * bridges HikariCP, Flyway and POI) logs through java.util.logging, one line per record:
 * {@code 2026-12-07T12:05:16.123Z INFO    com.servicecraft.X: message}, then the stack trace if any.
 * An operator's own format ({@code -Djava.util.logging.SimpleFormatter.format} or a
 * {@code logging.properties} naming a formatter) is left alone. Installed as a container
 * initializer (META-INF/services) so that it runs before CDI starts the database.
 */
public class LogFormat extends Formatter implements ServletContainerInitializer {
    private static final String PROPERTY = "java.util.logging.SimpleFormatter.format";

    @Override
    public void onStartup(java.util.Set<Class<?>> classes, ServletContext context) {
        install();
    }

    static synchronized void install() {
        if (System.getProperty(PROPERTY) != null || LogManager.getLogManager().getProperty(PROPERTY) != null) {
            return;
        }
        for (Handler handler : Logger.getLogger("").getHandlers()) {
            if (handler.getFormatter().getClass() == SimpleFormatter.class) {
                handler.setFormatter(new LogFormat());
            }
        }
    }

    @Override
    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"INFORMATION_EXPOSURE_THROUGH_AN_ERROR_MESSAGE"},
            justification = "This is the log formatter: stack traces belong in the server log, never in responses (KnownFailureHandler keeps them out).")
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160)
                .append(Instant.ofEpochMilli(record.getMillis()))
                .append(' ').append(String.format("%-7s", record.getLevel().getName()))
                .append(' ').append(record.getLoggerName())
                .append(": ").append(formatMessage(record))
                .append(System.lineSeparator());
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append(trace);
        }
        return line.toString();
    }
}
