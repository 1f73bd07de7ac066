package com.servicecraft.certificate;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Issues due certificates every {@code SERVICECRAFT_CERT_SWEEP_SECONDS} (default 300) on every
 * node. Completion is detected from the records rather than hooked into grading, so a
 * certificate follows whatever completed the course (a graded test, a trainer's grade, a grant);
 * the unique key makes concurrent runs on two nodes harmless.
 */
@ApplicationScoped
public class CertificateJob {
    private static final Logger LOG = Logger.getLogger(CertificateJob.class.getName());

    @Inject
    CertificateService certificates;
    private ScheduledExecutorService scheduler;

    public void start() {
        long seconds = Long.parseLong(System.getenv().getOrDefault("SERVICECRAFT_CERT_SWEEP_SECONDS", "300"));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "certificate-job");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::run, 15, seconds, TimeUnit.SECONDS);
    }

    void run() {
        try {
            int issued = certificates.issuePending();
            if (issued > 0) {
                LOG.info(() -> "Issued " + issued + " certificate(s)");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Issuing certificates failed; it runs again", e);
        }
    }

    @PreDestroy
    void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
