package com.servicecraft.actionplan;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells trainees when an action-plan follow-up falls due: every
 * {@code SERVICECRAFT_FOLLOWUP_CHECK_SECONDS} (default 300) on every node. The notification's
 * dedup key makes each reminder happen once, however many nodes run the job.
 */
@ApplicationScoped
public class FollowUpReminderJob {
    private static final Logger LOG = Logger.getLogger(FollowUpReminderJob.class.getName());

    @Inject
    ActionPlanService plans;
    private ScheduledExecutorService scheduler;

    public void start() {
        long seconds = Long.parseLong(System.getenv().getOrDefault("SERVICECRAFT_FOLLOWUP_CHECK_SECONDS", "300"));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "follow-up-reminders");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::run, Math.min(seconds, 20), seconds, TimeUnit.SECONDS);
    }

    void run() {
        try {
            int created = plans.notifyDueFollowUps();
            if (created > 0) {
                LOG.info(() -> "Reminded trainees of " + created + " action-plan follow-up(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Follow-up reminders failed; they run again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
