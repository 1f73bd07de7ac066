package com.servicecraft.shared.time;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;

import java.time.Clock;

/**
 * The server's clock: the only time source services use, so tests can fix it. The system clock,
 * unless the process that embeds the web application hands in another {@link Clock} as the
 * servlet context attribute {@value #ATTRIBUTE}: the browser tests' server does, so that a test
 * can move time past a quiz's deadline instead of waiting for it. Nothing in the WAR, its
 * settings or a request can set that attribute.
 */
@ApplicationScoped
public class ClockProducer {
    public static final String ATTRIBUTE = "com.servicecraft.clock";

    private Clock clock = Clock.systemUTC();

    /** Runs before every other start-up observer, so the clock is settled before anything reads it. */
    void embedded(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) ServletContext context) {
        if (context.getAttribute(ATTRIBUTE) instanceof Clock embedded) {
            clock = embedded;
        }
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return clock;
    }
}
