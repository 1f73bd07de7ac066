package com.servicecraft.content;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.shared.jobs.PeriodicJobs;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The course being served. Loaded at start-up (broken modules left out, the rest served); an
 * administrator's reload replaces it only when the new content has no errors. The course is
 * read-mostly data, so each node keeps it in memory and follows the version published in the
 * database by whichever node reloaded.
 */
@ApplicationScoped
public class ContentRepository {
    private static final Logger LOG = Logger.getLogger(ContentRepository.class.getName());
    private static final Duration FOLLOW_EVERY = Duration.ofSeconds(30);

    private final AtomicReference<LoadedContent> current = new AtomicReference<>();
    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private ContentVersions versions;
    private Path root;
    private final PeriodicJobs jobs;

    /** Outside the container (tests, tools): its own jobs. */
    public ContentRepository(Transactions tx, Clock clock, CurrentUser currentUser) {
        this(tx, clock, currentUser, new PeriodicJobs());
    }

    @Inject
    public ContentRepository(Transactions tx, Clock clock, CurrentUser currentUser, PeriodicJobs jobs) {
        this.jobs = jobs;
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    /** Loads the content at start-up; never fails because of content. */
    public void start(Path contentRoot) {
        this.root = contentRoot;
        this.versions = new ContentVersions(tx);
        LoadedContent loaded = ContentLoader.load(root, clock);
        log(loaded);
        current.set(loaded);
        if (loaded.course() != null) {
            versions.remember(loaded, root, clock.instant());
        }
        jobs.every("content-follower", FOLLOW_EVERY, FOLLOW_EVERY, this::followPublishedVersion);
    }

    /** The folder the content is read from. */
    public Path root() {
        return root;
    }

    public LoadedContent current() {
        return current.get();
    }

    public Course course() {
        LoadedContent c = current.get();
        return c == null ? null : c.course();
    }

    /**
     * Re-reads the content folder. Returns what was found; the served course changes only if
     * nothing in the new content is an error.
     */
    public LoadedContent reload() {
        var admin = currentUser.requireAny(Role.ADMIN);
        LoadedContent fresh = ContentLoader.load(root, clock);
        log(fresh);
        if (fresh.course() == null || fresh.hasErrors()) {
            return fresh;
        }
        versions.remember(fresh, root, clock.instant());
        current.set(fresh);
        versions.publish(fresh.course().version(), admin.id(), clock.instant());
        return fresh;
    }

    /** Another node reloaded: follow it, under the same rule (only content without errors replaces ours). */
    void followPublishedVersion() {
        try {
            LoadedContent mine = current.get();
            String published = versions.publishedCourseVersion().orElse(null);
            if (published == null || mine == null || mine.course() == null || published.equals(mine.course().version())) {
                return;
            }
            LoadedContent fresh = ContentLoader.load(root, clock);
            if (fresh.course() != null && !fresh.hasErrors() && fresh.course().version().equals(published)) {
                current.set(fresh);
                LOG.info(() -> "Content reloaded to version " + published + " as published by another node");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not check the published content version", e);
        }
    }

    private static void log(LoadedContent c) {
        if (c.problems().isEmpty()) {
            LOG.info(() -> "Content loaded from " + c.source() + ": " + (c.course() == null ? 0 : c.course().modules().size())
                    + " modules, " + c.lessonCount() + " lessons, " + c.questionCount() + " questions");
        } else {
            c.problems().forEach(p -> LOG.log(p.isError() ? Level.SEVERE : Level.WARNING, "Content: " + p));
        }
    }
}
