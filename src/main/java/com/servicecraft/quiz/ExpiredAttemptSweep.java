package com.servicecraft.quiz;

import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
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
    @Inject
    PeriodicJobs jobs;

    public void start() {
        Duration every = Settings.current().attemptSweepEvery();
        jobs.every("attempt-sweep", every, every, this::sweep);
    }

    void sweep() {
        int closed = attempts.closeExpired();
        if (closed > 0) {
            LOG.info(() -> "Submitted " + closed + " attempt(s) whose time ran out");
        }
    }
}
