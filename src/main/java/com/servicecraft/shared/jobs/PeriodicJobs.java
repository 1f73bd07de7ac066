package com.servicecraft.shared.jobs;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the application's background jobs on every node: each on its own daemon thread (a slow
 * mail server does not hold up the sweep of expired attempts), with a fixed delay between runs.
 * A run that throws is logged and the job runs again next time; all jobs stop when the
 * application stops. Jobs run on every node at once, so each job keeps its own claim in the
 * database (a conditional UPDATE, a unique key) that makes a second node's run harmless.
 */
@ApplicationScoped
public class PeriodicJobs {
    private static final Logger LOG = Logger.getLogger(PeriodicJobs.class.getName());
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final List<ScheduledExecutorService> running = new ArrayList<>();

    /**
     * Runs {@code task} first after {@code firstAfter}, then {@code every} after the end of each run.
     *
     * @param name the job's thread name and the name in its failure log
     */
    public synchronized void every(String name, Duration firstAfter, Duration every, Runnable task) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        running.add(executor);
        executor.scheduleWithFixedDelay(() -> runLogged(name, task), firstAfter.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A failed run must not end the schedule (the executor drops a task that throws). */
    private static void runLogged(String name, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Job " + name + " failed; it runs again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (!stopAll()) {
            LOG.warning("A background job did not end within " + STOP_WAIT.toSeconds() + " s of the stop");
        }
    }

    /** Stops every job, interrupting runs in progress; true when all threads ended in time. */
    public synchronized boolean stopAll() {
        running.forEach(ScheduledExecutorService::shutdownNow);
        boolean stopped = true;
        for (ScheduledExecutorService executor : running) {
            try {
                stopped &= executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        running.clear();
        return stopped;
    }
}
