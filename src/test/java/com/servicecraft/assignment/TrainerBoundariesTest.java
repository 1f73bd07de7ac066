package com.servicecraft.assignment;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.Role;
import com.servicecraft.quiz.AttemptPlans;
import com.servicecraft.quiz.AttemptService;
import com.servicecraft.quiz.QuestionCatalog;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * trainer2 changes ids in every request of trainer1's groups and trainees and gets nothing; a trainee
 * gets no trainer service at all and cannot read another trainee's attempt; an administrator sees all.
 */
class TrainerBoundariesTest {
    private AssignmentWorld world;
    private long trainer1;
    private long trainer2;
    private long wang;
    private long li;
    private long group1;
    private long assignment1;
    private long individual1;

    private void setUp(Kind kind) {
        world = new AssignmentWorld(kind);
        trainer1 = world.trainer("trainer1");
        trainer2 = world.trainer("trainer2");
        wang = world.trainee("wang");
        li = world.trainee("li");
        GroupService groups = world.groups(trainer1, Role.TRAINER);
        group1 = groups.create("Cohort of trainer1", null);
        groups.addMembers(group1, List.of(wang));
        LocalDate today = world.today();
        assignment1 = world.assignments(trainer1, Role.TRAINER).assignToGroup(group1, List.of("sample-a"), today, today.plusDays(7)).get(0);
        individual1 = world.assignments(trainer1, Role.TRAINER).assignToTrainee(wang, List.of("sample-b"), today, today.plusDays(7)).get(0);
    }

    private static void denied(Executable e) {
        assertThrows(AccessDeniedException.class, e);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anotherTrainerCanNeitherSeeNorChangeAGroupByItsId(Kind kind) {
        setUp(kind);
        GroupService groups = world.groups(trainer2, Role.TRAINER);
        AssignmentService assignments = world.assignments(trainer2, Role.TRAINER);
        LocalDate today = world.today();

        assertEquals(List.of(), groups.visibleGroups(), "trainer2 has no groups of their own");
        denied(() -> groups.group(group1));
        denied(() -> groups.members(group1));
        denied(() -> groups.update(group1, "Taken over", null));
        denied(() -> groups.addMembers(group1, List.of(li)));
        denied(() -> groups.addDepartment(group1, world.department("Sales")));
        denied(() -> groups.importMembers(group1, "x.csv", new ByteArrayInputStream("E-li\n".getBytes(StandardCharsets.UTF_8))));
        denied(() -> groups.removeMember(group1, wang));
        denied(() -> assignments.assignToGroup(group1, List.of("sample-b"), today, today.plusDays(3)));
        denied(() -> assignments.reschedule(assignment1, today, today.plusDays(30), null));
        denied(() -> assignments.withdraw(assignment1, null));
        denied(() -> assignments.withdraw(individual1, null));
        denied(() -> assignments.history(assignment1));
        denied(() -> assignments.ofGroup(group1));
        denied(() -> assignments.assignToTrainee(wang, List.of("sample-a"), today, today.plusDays(3)));
        denied(() -> world.dashboards(trainer2, Role.TRAINER).dashboard(group1));
        denied(() -> world.records(trainer2, Role.TRAINER).record(wang));
        denied(() -> groups.group(999_999));

        assertEquals(1, world.groups(trainer1, Role.TRAINER).members(group1).size(), "nothing changed");
        assertEquals(2, world.count("select count(a) from Assignment a where a.status = com.servicecraft.assignment.AssignmentStatus.ACTIVE"));
        assertEquals(wang, world.records(trainer1, Role.TRAINER).record(wang).userId(), "the group's own trainer sees the record");
        assertEquals(li, world.records(trainer1, Role.TRAINER).record(li).userId(),
                "li is in no active group: every trainer acts for them (TrainerScope)");
        long group2 = world.groups(trainer2, Role.TRAINER).create("Cohort of trainer2", null);
        world.groups(trainer2, Role.TRAINER).addMembers(group2, List.of(li));
        denied(() -> world.records(trainer1, Role.TRAINER).record(li));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anAdministratorSeesEveryGroup(Kind kind) {
        setUp(kind);
        long admin = world.person("admin", null, Role.ADMIN);
        assertEquals(1, world.groups(admin, Role.ADMIN).visibleGroups().size());
        assertEquals(1, world.dashboards(admin, Role.ADMIN).dashboard(group1).trainees().size());
        world.assignments(admin, Role.ADMIN).reschedule(assignment1, world.today(), world.today().plusDays(9), "admin");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void traineesGetNoTrainerServiceAndOnlyTheirOwnAttempts(Kind kind) {
        setUp(kind);
        denied(() -> world.groups(li, Role.TRAINEE).visibleGroups());
        denied(() -> world.groups(li, Role.TRAINEE).create("Mine", null));
        denied(() -> world.dashboards(li, Role.TRAINEE).dashboard(group1));
        denied(() -> world.records(li, Role.TRAINEE).record(wang));

        long attempt = attempts(wang, Role.TRAINEE).startOrResume(com.servicecraft.quiz.AttemptKind.MODULE_QUIZ, "sample-a");
        denied(() -> attempts(li, Role.TRAINEE).load(attempt));
        denied(() -> attempts(trainer2, Role.TRAINER).load(attempt));
        assertEquals(wang, attempts(trainer1, Role.TRAINER).load(attempt).attempt().getUserId(), "wang is in trainer1's group");
    }

    private AttemptService attempts(long user, Role role) {
        ContentRepository content = world.content;
        return new AttemptService(world.tx, world.clock, world.who(user, role), new AttemptPlans(content), new QuestionCatalog(content, world.tx));
    }
}
