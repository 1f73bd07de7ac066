package com.servicecraft.assignment;

import com.servicecraft.actionplan.ActionPlan;
import com.servicecraft.actionplan.ActionPlanService;
import com.servicecraft.actionplan.Goals;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.TrainerScope;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One rule for which trainees a trainer acts for ({@link TrainerScope}) and whom they may add to a
 * group: adding is no back door to another trainer's trainees, and a trainee whose only group is
 * archived is every trainer's until they join an active group — for records, dashboards, action
 * plans and attempts alike.
 */
class TrainerScopeTest {
    private AssignmentWorld world;
    private long sales;
    private long hotline;
    private long trainer1;
    private long trainer2;
    private long admin;
    /** Hotline, in trainer2's active group. */
    private long wang;
    /** Sales (trainer1's department), in trainer2's active group. */
    private long zhou;
    /** Hotline, in no group. */
    private long li;
    private long hotlineTeam;

    private void setUp(Kind kind) {
        world = new AssignmentWorld(kind);
        sales = world.department("Sales");
        hotline = world.department("Hotline");
        trainer1 = world.person("trainer1", sales, Role.TRAINER);
        trainer2 = world.person("trainer2", hotline, Role.TRAINER);
        admin = world.person("boss", null, Role.ADMIN);
        wang = world.person("wang", hotline, Role.TRAINEE);
        zhou = world.person("zhou", sales, Role.TRAINEE);
        li = world.person("li", hotline, Role.TRAINEE);
        GroupService groups2 = world.groups(trainer2, Role.TRAINER);
        hotlineTeam = groups2.create("Hotline team", null);
        groups2.addMembers(hotlineTeam, List.of(wang, zhou));
    }

    private List<Long> members(long group) {
        return world.groups(admin, Role.ADMIN).members(group).stream().map(GroupService.TraineeRow::id).toList();
    }

    private static void denied(org.junit.jupiter.api.function.Executable e) {
        assertThrows(AccessDeniedException.class, e);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anotherTrainersTraineeFromAnotherDepartmentIsRefusedByNameOnEveryWayOfAdding(Kind kind) throws Exception {
        setUp(kind);
        GroupService groups1 = world.groups(trainer1, Role.TRAINER);
        long cohort = groups1.create("Cohort 1", null);

        UserInputException bySearch = assertThrows(UserInputException.class, () -> groups1.addMembers(cohort, List.of(li, wang)));
        assertEquals("group.outsideScope", bySearch.messageKey());
        assertEquals("Name wang", bySearch.arguments()[0], "the message names whom");
        assertEquals(1, bySearch.arguments()[1]);
        UserInputException byDepartment = assertThrows(UserInputException.class, () -> groups1.addDepartment(cohort, hotline));
        assertEquals("Name wang", byDepartment.arguments()[0]);
        GroupService.ImportResult byFile = groups1.importMembers(cohort, "list.csv",
                new ByteArrayInputStream("employee_number\nE-li\nE-wang\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of(new GroupService.ImportProblem(3, "E-wang", "group.import.outsideScope")), byFile.problems());
        assertEquals(List.of(), members(cohort), "all or nothing: not even li was added");

        assertEquals(new GroupService.AddResult(2, 0), groups1.addMembers(cohort, List.of(li, zhou)),
                "li is in no group, zhou works in trainer1's department");
        assertEquals(new GroupService.AddResult(1, 0), world.groups(admin, Role.ADMIN).addMembers(cohort, List.of(wang)),
                "an administrator adds anyone");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRefusedTrainerCannotReadTheTraineesPlanRecordOrAttempts(Kind kind) {
        setUp(kind);
        ActionPlan plan = world.plans(wang, Role.TRAINEE).submitMine(null, List.of(Goals.filled("王")));
        world.gradedAttempt(wang, "MODULE_QUIZ", "sample-a", 1, 80.0, true);
        long attempt = world.latestAttempt(wang);
        GroupService groups1 = world.groups(trainer1, Role.TRAINER);
        long cohort = groups1.create("Cohort 1", null);
        assertThrows(UserInputException.class, () -> groups1.addMembers(cohort, List.of(wang)));

        denied(() -> world.records(trainer1, Role.TRAINER).record(wang));
        denied(() -> world.plans(trainer1, Role.TRAINER).forReview(plan.getId()));
        denied(() -> world.plans(trainer1, Role.TRAINER).approve(plan.getId(), plan.getVersion(), null));
        denied(() -> world.attempts(trainer1, Role.TRAINER).load(attempt));
        denied(() -> world.assignments(trainer1, Role.TRAINER).assignToTrainee(wang, List.of("sample-a"), world.today(),
                world.today().plusDays(3)));
        assertFalse(world.plans(trainer1, Role.TRAINER).reviewList().stream().anyMatch(r -> r.traineeId() == wang));

        assertEquals(wang, world.records(trainer2, Role.TRAINER).record(wang).userId(), "wang's own trainer reads it");
        assertEquals(List.of(trainer2), world.tx.read(em -> TrainerScope.trainersOf(em, wang)));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTraineeWhoseOnlyGroupIsArchivedIsEveryTrainersUntilTheyJoinAnActiveGroup(Kind kind) {
        setUp(kind);
        ActionPlan plan = world.plans(wang, Role.TRAINEE).submitMine(null, List.of(Goals.filled("王")));
        world.gradedAttempt(wang, "MODULE_QUIZ", "sample-a", 1, 80.0, true);
        long attempt = world.latestAttempt(wang);
        world.groups(trainer2, Role.TRAINER).archive(hotlineTeam);

        // Archived groups count for nobody: wang is in no active group, so every trainer acts for them.
        denied(() -> world.dashboards(trainer2, Role.TRAINER).dashboard(hotlineTeam));
        for (long trainer : List.of(trainer1, trainer2)) {
            assertEquals(wang, world.records(trainer, Role.TRAINER).record(wang).userId());
            assertEquals(plan.getId(), world.plans(trainer, Role.TRAINER).forReview(plan.getId()).getId());
            assertTrue(world.plans(trainer, Role.TRAINER).reviewList().stream().anyMatch(r -> r.traineeId() == wang));
            assertEquals(wang, world.attempts(trainer, Role.TRAINER).load(attempt).attempt().getUserId());
        }
        assertEquals(List.of(trainer1, trainer2), world.tx.read(em -> TrainerScope.trainersOf(em, wang)),
                "every trainer hears of their work");

        // trainer1 may add wang now (in no active group) and from then on acts for wang alone.
        GroupService groups1 = world.groups(trainer1, Role.TRAINER);
        long cohort = groups1.create("Cohort 1", null);
        groups1.addMembers(cohort, List.of(wang));
        assertEquals(List.of(wang), world.dashboards(trainer1, Role.TRAINER).dashboard(cohort).trainees().stream()
                .map(t -> t.userId()).toList());
        denied(() -> world.records(trainer2, Role.TRAINER).record(wang));
        denied(() -> world.plans(trainer2, Role.TRAINER).forReview(plan.getId()));
        denied(() -> world.attempts(trainer2, Role.TRAINER).load(attempt));
        assertFalse(world.plans(trainer2, Role.TRAINER).reviewList().stream().anyMatch(r -> r.traineeId() == wang));
        assertEquals(List.of(trainer1), world.tx.read(em -> TrainerScope.trainersOf(em, wang)));
        assertEquals(wang, world.records(admin, Role.ADMIN).record(wang).userId(), "administrators act for everybody");
    }
}
