package com.servicecraft.assignment;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Lesson;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.ModuleFacts;
import com.servicecraft.learning.ProgressStatus;
import com.servicecraft.notification.Notification;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptStatus;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads what the trainee home page shows: the signed-in trainee's assignments with their status and next step, latest results and notifications. */
@ApplicationScoped
public class TraineeHomeQuery {
    public static final int RECENT = 5;

    private Transactions tx;
    private Clock clock;
    private CurrentUser currentUser;
    private ContentRepository content;
    private AssignmentProgress progress;

    protected TraineeHomeQuery() {
    }

    @Inject
    public TraineeHomeQuery(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content, AssignmentProgress progress) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
        this.progress = progress;
    }

    /** Where "continue" leads: a lesson, a module quiz or the post-course test (exactly one is set, or none when done). */
    public record NextStep(String lessonId, Lesson lesson, String quizModuleId, boolean postTest) {
        static final NextStep NONE = new NextStep(null, null, null, false);

        public boolean isAny() {
            return lessonId != null || quizModuleId != null || postTest;
        }
    }

    /** One assigned module (moduleId null: the whole course) as the trainee sees it. */
    public record AssignedItem(String moduleId, CourseModule module, LocalDate startDate, LocalDate dueDate, ProgressStatus status,
                               int percent, NextStep next) {
        public boolean isCourse() {
            return moduleId == null;
        }
    }

    public record Home(List<AssignedItem> assigned, List<Attempt> results, List<Notification> notifications) {
    }

    public Home home() {
        SignedInUser me = currentUser.require();
        LocalDate today = AssignmentService.today(clock);
        return tx.read(em -> new Home(assigned(em, me.id(), today), results(em, me.id()), notifications(em, me.id())));
    }

    /** The trainee's active assignments, one per module (the earliest due date wins when several apply), soonest due first. */
    public List<AssignedItem> assigned(EntityManager em, long userId, LocalDate today) {
        Course course = content.course();
        if (course == null) {
            return List.of();
        }
        Map<String, UserAssignment> byModule = new LinkedHashMap<>();
        for (UserAssignment ua : EffectiveAssignments.ofUser(em, userId)) {
            String m = ua.assignment().getModuleId();
            if (m != null && course.module(m).isEmpty()) {
                continue;
            }
            byModule.merge(AssignmentProgress.key(userId, m), ua,
                    (a, b) -> a.assignment().getDueDate().isAfter(b.assignment().getDueDate()) ? b : a);
        }
        if (byModule.isEmpty()) {
            return List.of();
        }
        CourseFacts cf = progress.facts().forUser(em, userId);
        Set<String> read = new HashSet<>(em.createQuery("select p.lessonId from LessonProgress p where p.userId = :u and p.completedAt is not null",
                String.class).setParameter("u", userId).getResultList());
        List<AssignedItem> items = new ArrayList<>();
        for (UserAssignment ua : byModule.values()) {
            Assignment a = ua.assignment();
            CourseModule module = a.getModuleId() == null ? null : course.module(a.getModuleId()).orElseThrow();
            ProgressStatus status = AssignmentProgress.status(cf, a.getModuleId(), a.getDueDate(), today);
            NextStep next = status == ProgressStatus.COMPLETED ? NextStep.NONE
                    : module == null ? courseNext(course, cf, read) : moduleNext(module, cf, read);
            items.add(new AssignedItem(a.getModuleId(), module, a.getStartDate(), a.getDueDate(), status,
                    AssignmentProgress.percent(cf, a.getModuleId()), next));
        }
        items.sort(Comparator.comparing(AssignedItem::dueDate).thenComparing(i -> i.moduleId() == null ? "" : i.moduleId()));
        return items;
    }

    private static NextStep moduleNext(CourseModule module, CourseFacts cf, Set<String> read) {
        Optional<Lesson> unread = module.lessons().stream().filter(l -> !read.contains(l.id())).findFirst();
        if (unread.isPresent()) {
            return new NextStep(unread.get().id(), unread.get(), null, false);
        }
        ModuleFacts mf = cf == null ? null : cf.module(module.id());
        if (module.hasQuiz() && mf != null && !mf.quizPassed() && !mf.attemptsExhausted()) {
            return new NextStep(null, null, module.id(), false);
        }
        return NextStep.NONE;
    }

    private static NextStep courseNext(Course course, CourseFacts cf, Set<String> read) {
        for (CourseModule m : course.modules()) {
            ModuleFacts mf = cf == null ? null : cf.module(m.id());
            if (mf == null || !mf.completed()) {
                NextStep n = moduleNext(m, cf, read);
                if (n.isAny()) {
                    return n;
                }
            }
        }
        if (cf != null && cf.postTestRequired() && !cf.postTestPassed() && !cf.postTestExhausted()) {
            return new NextStep(null, null, null, true);
        }
        return NextStep.NONE;
    }

    private static List<Attempt> results(EntityManager em, long userId) {
        return em.createQuery("select a from Attempt a where a.userId = :u and a.status in :s"
                        + " order by a.submittedAt desc, a.id desc", Attempt.class)
                .setParameter("u", userId).setParameter("s", List.of(AttemptStatus.GRADED, AttemptStatus.AWAITING_TRAINER))
                .setMaxResults(RECENT).getResultList();
    }

    private static List<Notification> notifications(EntityManager em, long userId) {
        return em.createQuery("select n from Notification n where n.userId = :u order by n.createdAt desc, n.id desc", Notification.class)
                .setParameter("u", userId).setMaxResults(RECENT).getResultList();
    }
}
