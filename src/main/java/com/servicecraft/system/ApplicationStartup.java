package com.servicecraft.system;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.demo.DemoOrganisation;
import com.servicecraft.identity.FirstRunSetup;
import com.servicecraft.shared.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens once at deploy time: the settings are read and checked (a bad value stops the
 * start, naming the variable), the content is loaded, the background jobs start, and the first
 * accounts are created when asked for.
 */
@ApplicationScoped
public class ApplicationStartup {
    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Inject
    FirstRunSetup setup;
    @Inject
    DemoOrganisation demo;
    @Inject
    ContentRepository content;
    @Inject
    com.servicecraft.quiz.ExpiredAttemptSweep sweep;
    @Inject
    com.servicecraft.assignment.ReminderJob reminders;
    @Inject
    com.servicecraft.notification.MailOutbox mailOutbox;
    @Inject
    com.servicecraft.actionplan.FollowUpReminderJob followUpReminders;
    @Inject
    com.servicecraft.certificate.CertificateJob certificates;
    @Inject
    com.servicecraft.demo.DemoCohorts demoCohorts;
    @Inject
    com.servicecraft.lti.ToolKeys ltiKeys;
    @Inject
    com.servicecraft.lti.ScoreOutbox ltiScores;
    @Inject
    com.servicecraft.lti.CourseCompletionScores ltiCourseScores;

    /**
     * The first XLSX export in a fresh JVM loads POI and its OOXML schemas (seconds): done once now, in
     * the background at low priority, so that the first HR download is as quick as the next ones.
     */
    private static void warmUpSpreadsheets() {
        Thread warmUp = new Thread(() -> {
            try {
                com.servicecraft.reporting.export.XlsxCompletionWriter.warmUp();
            } catch (RuntimeException | LinkageError e) {
                LOG.log(Level.WARNING, "XLSX warm-up failed (the first export will be slower): " + e, e);
            }
        }, "xlsx-warm-up");
        warmUp.setDaemon(true);
        warmUp.setPriority(Thread.MIN_PRIORITY);
        warmUp.start();
    }

    void start(@Observes @Initialized(ApplicationScoped.class) ServletContext servletContext) {
        Settings settings;
        try {
            settings = Settings.current();
        } catch (Settings.InvalidSettingsException e) {
            LOG.severe(e.getMessage());
            throw e;
        }
        LOG.info(() -> "Times are shown and exported in " + com.servicecraft.shared.time.OrganisationZone.zone()
                + " (" + com.servicecraft.shared.time.OrganisationZone.VARIABLE + ")");
        content.start(contentRoot(servletContext, settings.contentDir()));
        sweep.start();
        reminders.start();
        mailOutbox.start();
        followUpReminders.start();
        certificates.start();
        ltiKeys.ensureSigningKey();
        ltiScores.start();
        ltiCourseScores.start();
        warmUpSpreadsheets();
        String adminPassword = settings.adminPassword();
        try {
            if (settings.demo()) {
                demo.seedIfAbsent(adminPassword);
                if (settings.demoCohorts()) {
                    demoCohorts.seedIfAbsent();
                }
            } else if (adminPassword != null && !adminPassword.isBlank()) {
                setup.createAdminFromEnvironment(adminPassword);
            }
        } catch (RuntimeException e) {
            // A bad admin password must not stop the application: the setup page still works.
            LOG.log(Level.SEVERE, "Start-up account creation failed: " + e.getMessage(), e);
        }
    }

    /** SERVICECRAFT_CONTENT_DIR, or the course packed in the WAR (copied out if the WAR is not unpacked). */
    static Path contentRoot(ServletContext ctx, Path contentDir) {
        if (contentDir != null) {
            return contentDir;
        }
        String real = ctx.getRealPath("/WEB-INF/content");
        if (real != null && Files.isDirectory(Path.of(real))) {
            return Path.of(real);
        }
        try {
            Path target = Files.createTempDirectory("servicecraft-content");
            copyResources(ctx, "/WEB-INF/content/", target);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot unpack the course content", e);
        }
    }

    private static void copyResources(ServletContext ctx, String path, Path target) throws IOException {
        java.util.Set<String> paths = ctx.getResourcePaths(path);
        if (paths == null) {
            return;
        }
        for (String p : paths) {
            Path out = target.resolve(p.substring("/WEB-INF/content/".length()));
            if (p.endsWith("/")) {
                Files.createDirectories(out);
                copyResources(ctx, p, target);
            } else {
                try (InputStream in = ctx.getResourceAsStream(p)) {
                    if (in == null) {
                        continue;
                    }
                    Path dir = out.getParent();
                    Files.createDirectories(dir == null ? target : dir);
                    Files.copy(in, out);
                }
            }
        }
    }
}
