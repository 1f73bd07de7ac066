package com.servicecraft.demo;

import com.servicecraft.assignment.Assignment;
import com.servicecraft.assignment.AssignmentEvent;
import com.servicecraft.assignment.AssignmentService;
import com.servicecraft.assignment.GroupMember;
import com.servicecraft.assignment.TrainingGroup;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Two cohorts for the demo organisation, behind {@code SERVICECRAFT_DEMO_COHORTS=true}, so that
 * trainers' dashboards, trainees' home pages and HR's records have something to show:
 * {@code trainer1} teaches t001–t020 the course, due in four weeks; {@code trainer2} teaches
 * t021–t040 the course, due in three days (so reminders and the at-risk list show up). Seeded once.
 */
@ApplicationScoped
public class DemoCohorts {
    static final String NEW_STARTERS = "新员工班 New starters";
    static final String HOTLINE = "客户热线团队 Hotline team";

    private final Transactions tx;
    private final Clock clock;

    @Inject
    public DemoCohorts(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    /** Seeds both cohorts unless they exist or the demo people are missing; true when it seeded. */
    public boolean seedIfAbsent() {
        return tx.inTransaction(em -> {
            Long trainer1 = userId(em, "trainer1");
            Long trainer2 = userId(em, "trainer2");
            long existing = em.createQuery("select count(g) from TrainingGroup g where g.name in :names", Long.class)
                    .setParameter("names", List.of(NEW_STARTERS, HOTLINE)).getSingleResult();
            if (trainer1 == null || trainer2 == null || existing > 0) {
                return false;
            }
            LocalDate today = AssignmentService.today(clock);
            Instant now = clock.instant();
            cohort(em, NEW_STARTERS, "入职培训 · Onboarding", trainer1, trainees(em, 1, 20), today.minusDays(7), today.plusDays(28), today, now);
            cohort(em, HOTLINE, "热线坐席 · Hotline agents", trainer2, trainees(em, 21, 40), today.minusDays(21), today.plusDays(3), today, now);
            return true;
        });
    }

    private static void cohort(EntityManager em, String name, String description, long trainer, List<Long> members,
                               LocalDate start, LocalDate due, LocalDate today, Instant now) {
        TrainingGroup group = new TrainingGroup(name, description, trainer, now);
        em.persist(group);
        em.flush();
        members.forEach(m -> em.persist(new GroupMember(group.getId(), m, trainer, now)));
        Assignment course = Assignment.toGroup(group.getId(), null, start, due, today, trainer, now);
        em.persist(course);
        em.flush();
        em.persist(new AssignmentEvent(course, AssignmentEvent.Kind.CREATED, null, trainer, now));
    }

    private static List<Long> trainees(EntityManager em, int from, int to) {
        List<String> names = IntStream.rangeClosed(from, to).mapToObj(i -> String.format("t%03d", i)).toList();
        return em.createQuery("select u.id from User u where u.username in :names order by u.username", Long.class)
                .setParameter("names", names).getResultList();
    }

    private static Long userId(EntityManager em, String username) {
        return em.createQuery("select u.id from User u where u.username = :u", Long.class).setParameter("u", username)
                .getResultStream().findFirst().orElse(null);
    }
}
