package com.servicecraft.quiz;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Submits attempts whose time ran out, every {@code SERVICECRAFT_SWEEP_SECONDS} (default 30) on
 * every node; each attempt is claimed in the database, so overlapping sweeps grade it once.
 */
@ApplicationScoped
public class ExpiredAttemptSweep {
    private static final Logger LOG = Logger.getLogger(ExpiredAttemptSweep.class.getName());

    @Inject
    AttemptService attempts;
    private ScheduledExecutorService scheduler;

    public void start() {
        long seconds = Long.parseLong(System.getenv().getOrDefault("SERVICECRAFT_SWEEP_SECONDS", "30"));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "attempt-sweep");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, seconds, seconds, TimeUnit.SECONDS);
    }

    void sweep() {
        try {
            int closed = attempts.closeExpired();
            if (closed > 0) {
                LOG.info(() -> "Submitted " + closed + " attempt(s) whose time ran out");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Sweep of expired attempts failed; it runs again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
