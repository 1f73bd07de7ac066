package com.servicecraft.certificate;

import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
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
    @Inject
    PeriodicJobs jobs;

    public void start() {
        jobs.every("certificate-job", Duration.ofSeconds(15), Settings.current().certificateSweepEvery(), this::run);
    }

    void run() {
        int issued = certificates.issuePending();
        if (issued > 0) {
            LOG.info(() -> "Issued " + issued + " certificate(s)");
        }
    }
}
