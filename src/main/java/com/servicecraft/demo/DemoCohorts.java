package com.servicecraft.demo;

import com.servicecraft.assignment.AssignmentService;
import com.servicecraft.assignment.GroupService;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.User;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * Two cohorts for the demo organisation, behind {@code SERVICECRAFT_DEMO_COHORTS=true}, so that
 * trainers' dashboards, trainees' home pages and HR's records have something to show:
 * {@code trainer1} teaches t001–t020 the course, due in four weeks; {@code trainer2} teaches
 * t021–t040 the course, due in three days (so reminders and the at-risk list show up). Each
 * trainer's cohort is created through the group and assignment services acting as that trainer,
 * exactly as if they had clicked it (history, notifications). Seeded once.
 */
@ApplicationScoped
public class DemoCohorts {
    static final String NEW_STARTERS = "新员工班 New starters";
    static final String HOTLINE = "客户热线团队 Hotline team";

    private final Transactions tx;
    private final Clock clock;
    private final ContentRepository content;
    private final NotificationWriter notifications;

    @Inject
    public DemoCohorts(Transactions tx, Clock clock, ContentRepository content, NotificationWriter notifications) {
        this.tx = tx;
        this.clock = clock;
        this.content = content;
        this.notifications = notifications;
    }

    /** Seeds both cohorts unless they exist or the demo people are missing; true when it seeded. */
    public boolean seedIfAbsent() {
        Optional<SignedInUser> trainer1 = user("trainer1");
        Optional<SignedInUser> trainer2 = user("trainer2");
        long existing = tx.read(em -> em.createQuery("select count(g) from TrainingGroup g where g.name in :names", Long.class)
                .setParameter("names", List.of(NEW_STARTERS, HOTLINE)).getSingleResult());
        if (trainer1.isEmpty() || trainer2.isEmpty() || existing > 0) {
            return false;
        }
        LocalDate today = AssignmentService.today(clock);
        cohort(trainer1.get(), NEW_STARTERS, "入职培训 · Onboarding", trainees(1, 20), today.minusDays(7), today.plusDays(28));
        cohort(trainer2.get(), HOTLINE, "热线坐席 · Hotline agents", trainees(21, 40), today.minusDays(21), today.plusDays(3));
        return true;
    }

    private void cohort(SignedInUser trainer, String name, String description, List<Long> members, LocalDate start, LocalDate due) {
        CurrentUser actingTrainer = CurrentUser.actingAs(trainer);
        GroupService groups = new GroupService(tx, clock, actingTrainer);
        long group = groups.create(name, description);
        groups.addMembers(group, members);
        new AssignmentService(tx, clock, actingTrainer, content, notifications)
                .assignToGroup(group, Arrays.asList((String) null), start, due); // null: the whole course
    }

    private List<Long> trainees(int from, int to) {
        List<String> names = IntStream.rangeClosed(from, to).mapToObj(i -> String.format("t%03d", i)).toList();
        return tx.read(em -> em.createQuery("select u.id from User u where u.username in :names order by u.username", Long.class)
                .setParameter("names", names).getResultList());
    }

    private Optional<SignedInUser> user(String username) {
        return tx.read(em -> em.createQuery("select u from User u where u.username = :u", User.class).setParameter("u", username)
                .getResultStream().findFirst().map(SignedInUser::of));
    }
}
