package com.servicecraft.assignment;

import com.servicecraft.identity.Role;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Due-soon and overdue reminders: each exactly once, also when two nodes run the job at the same moment. */
class ReminderJobTest {
    private AssignmentWorld world;
    private long wang;
    private long li;
    private long zhao;
    private long group;
    private AssignmentService assignments;

    private void setUp(Kind kind) {
        world = new AssignmentWorld(kind);
        long trainer = world.trainer("trainer1");
        wang = world.trainee("wang");
        li = world.trainee("li");
        zhao = world.trainee("zhao");
        GroupService groups = world.groups(trainer, Role.TRAINER);
        group = groups.create("Cohort 1", null);
        groups.addMembers(group, List.of(wang, li));
        assignments = world.assignments(trainer, Role.TRAINER);
    }

    private List<String> reminders() {
        return world.tx.read(em -> em.createQuery("select n.userId, n.kind, n.dedupKey from Notification n where n.kind <> :k"
                        + " order by n.userId, n.dedupKey", Object[].class)
                .setParameter("k", com.servicecraft.notification.NotificationKind.ASSIGNMENT_NEW).getResultList()
                .stream().map(r -> r[0] + " " + r[1] + " " + r[2]).toList());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void dueSoonThenOverdueEachOnceAndNothingForCompletedWork(Kind kind) {
        setUp(kind);
        LocalDate today = world.today();
        long soon = assignments.assignToGroup(group, List.of("sample-b"), today, today.plusDays(3)).get(0);
        long later = assignments.assignToGroup(group, List.of("sample-a"), today, today.plusDays(10)).get(0);
        long own = assignments.assignToTrainee(wang, List.of("sample-a"), today, today.plusDays(2)).get(0);
        world.complete(li, "sample-b");

        ReminderJob job = world.reminders();
        assertEquals(2, job.runOnce().created());
        assertEquals(List.of(wang + " DUE_SOON due3:assignment:" + soon + ":" + today.plusDays(3),
                wang + " DUE_SOON due3:assignment:" + own + ":" + today.plusDays(2)), reminders(),
                "li completed sample-b; sample-a for the group is not due within 3 days");
        assertEquals(0, job.runOnce().created(), "a second run creates nothing");

        world.clock.advance(Duration.ofDays(4));
        ReminderJob.Run r = job.runOnce();
        assertEquals(2, r.created(), "two overdue for wang; the group's sample-a is still six days away");
        assertEquals(0, job.runOnce().created());

        assignments.reschedule(later, world.today(), world.today().plusDays(1), "sooner");
        assertEquals(2, job.runOnce().created(), "a changed due date is a new reminder, for wang and li");
        assertEquals(0, world.reminders().runOnce().created());
        assertEquals(0, reminders().stream().filter(s -> s.startsWith(zhao + " ")).count(), "zhao is in no group");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoNodesRunningAtOnceCreateEachReminderExactlyOnce(Kind kind) throws Exception {
        setUp(kind);
        List<Long> more = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            more.add(world.trainee("t" + i));
        }
        world.groups(world.tx.read(em -> em.createQuery("select g.ownerId from TrainingGroup g", Long.class).getSingleResult()), Role.TRAINER)
                .addMembers(group, more);
        LocalDate today = world.today();
        assignments.assignToGroup(group, List.of("sample-a", "sample-b"), today, today.plusDays(1));

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 2; round++) {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<ReminderJob.Run>> runs = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    ReminderJob job = world.reminders();
                    runs.add(pool.submit((Callable<ReminderJob.Run>) () -> {
                        go.await();
                        return job.runOnce();
                    }));
                }
                go.countDown();
                int created = 0;
                for (Future<ReminderJob.Run> f : runs) {
                    ReminderJob.Run r = f.get();
                    assertEquals(0, r.failed());
                    created += r.created();
                }
                assertEquals(round == 0 ? 44 : 0, created, "22 trainees × 2 modules, once");
                assertEquals(44, reminders().size());
                assertEquals(44, reminders().stream().distinct().count());
                world.clock.advance(Duration.ofHours(1));
            }
        } finally {
            pool.shutdown();
        }
    }
}
