package com.servicecraft.actionplan;

import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
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
    @Inject
    PeriodicJobs jobs;

    public void start() {
        Duration every = Settings.current().followUpCheckEvery();
        jobs.every("follow-up-reminders", min(every, Duration.ofSeconds(20)), every, this::run);
    }

    void run() {
        int created = plans.notifyDueFollowUps();
        if (created > 0) {
            LOG.info(() -> "Reminded trainees of " + created + " action-plan follow-up(s)");
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
