package com.servicecraft.learning;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The signed-in trainee's reading progress through the course. */
@ApplicationScoped
public class ProgressService {
    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final ContentRepository content;

    @Inject
    public ProgressService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
    }

    /** Records that the lesson was opened (or is still being read). */
    public void opened(String moduleId, String lessonId) {
        record(moduleId, lessonId, false);
    }

    public void completed(String moduleId, String lessonId) {
        record(moduleId, lessonId, true);
    }

    private void record(String moduleId, String lessonId, boolean complete) {
        SignedInUser me = currentUser.require();
        CourseModule module = lessonModule(moduleId, lessonId);
        try {
            tx.run(em -> apply(em, me.id(), module, lessonId, complete));
        } catch (PersistenceException firstOpenRace) {
            // Two tabs opened the lesson at the same moment: the unique key kept one row; use it.
            tx.run(em -> apply(em, me.id(), module, lessonId, complete));
        }
    }

    private void apply(EntityManager em, long userId, CourseModule module, String lessonId, boolean complete) {
        LessonProgress p = find(em, userId, lessonId).orElse(null);
        if (p == null) {
            p = new LessonProgress(userId, module.id(), lessonId, module.version(), clock.instant());
            em.persist(p);
        } else {
            p.seen(clock.instant());
        }
        if (complete) {
            p.complete(module.version(), clock.instant());
        }
    }

    private CourseModule lessonModule(String moduleId, String lessonId) {
        Course course = content.course();
        return Optional.ofNullable(course).flatMap(c -> c.module(moduleId))
                .filter(m -> m.lesson(lessonId).isPresent())
                .orElseThrow(() -> new UserInputException("lesson.notFound"));
    }

    private static Optional<LessonProgress> find(EntityManager em, long userId, String lessonId) {
        return em.createQuery("select p from LessonProgress p where p.userId = :u and p.lessonId = :l", LessonProgress.class)
                .setParameter("u", userId).setParameter("l", lessonId).getResultStream().findFirst();
    }

    /** Every lesson the signed-in trainee has touched, by lesson id. */
    public Map<String, LessonProgress> mine() {
        SignedInUser me = currentUser.require();
        return tx.read(em -> {
            Map<String, LessonProgress> m = new HashMap<>();
            em.createQuery("select p from LessonProgress p where p.userId = :u", LessonProgress.class)
                    .setParameter("u", me.id()).getResultList().forEach(p -> m.put(p.getLessonId(), p));
            return m;
        });
    }

    /** Where to continue: the first unread lesson after the most recently read one (or the first unread at all). */
    public Optional<Lesson> continueAt(Map<String, LessonProgress> progress) {
        Course course = content.course();
        if (course == null) {
            return Optional.empty();
        }
        List<Lesson> all = course.modules().stream().flatMap(m -> m.lessons().stream()).toList();
        int last = -1;
        java.time.Instant latest = null;
        for (int i = 0; i < all.size(); i++) {
            LessonProgress p = progress.get(all.get(i).id());
            if (p != null && (latest == null || p.getLastSeenAt().isAfter(latest))) {
                latest = p.getLastSeenAt();
                last = i;
            }
        }
        for (int k = 0; k < all.size(); k++) {
            Lesson candidate = all.get((Math.max(last, 0) + k) % all.size());
            LessonProgress p = progress.get(candidate.id());
            if (p == null || !p.isCompleted()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
