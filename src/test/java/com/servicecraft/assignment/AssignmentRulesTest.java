package com.servicecraft.assignment;

import com.servicecraft.identity.Role;
import com.servicecraft.learning.ProgressStatus;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Groups and assignments against a real database (H2 and MariaDB): rules, inheritance, history, notifications. */
class AssignmentRulesTest {
    private AssignmentWorld world;
    private long trainer;
    private long wang;
    private long li;
    private GroupService groups;
    private AssignmentService assignments;

    private void setUp(Kind kind) {
        world = new AssignmentWorld(kind);
        trainer = world.trainer("trainer1");
        wang = world.trainee("wang");
        li = world.trainee("li");
        groups = world.groups(trainer, Role.TRAINER);
        assignments = world.assignments(trainer, Role.TRAINER);
    }

    private static void refused(String key, Executable e) {
        UserInputException ex = assertThrows(UserInputException.class, e);
        assertEquals(key, ex.messageKey());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void badInputIsRefusedWithAReasonAndChangesNothing(Kind kind) {
        setUp(kind);
        long empty = groups.create("Empty cohort", null);
        long g = groups.create("Cohort 1", "November starters");
        groups.addMembers(g, List.of(wang));
        LocalDate today = world.today();

        refused("assignment.dueInPast", () -> assignments.assignToGroup(g, List.of("sample-a"), today.minusDays(5), today.minusDays(1)));
        refused("assignment.dueBeforeStart", () -> assignments.assignToGroup(g, List.of("sample-a"), today.plusDays(5), today.plusDays(2)));
        refused("assignment.datesRequired", () -> assignments.assignToGroup(g, List.of("sample-a"), null, today.plusDays(2)));
        refused("assignment.emptyGroup", () -> assignments.assignToGroup(empty, List.of("sample-a"), today, today.plusDays(7)));
        refused("assignment.unknownModule", () -> assignments.assignToGroup(g, List.of("sample-a", "no-such-module"), today, today.plusDays(7)));
        refused("assignment.nothingSelected", () -> assignments.assignToGroup(g, List.of(), today, today.plusDays(7)));
        assertEquals(0, world.count("select count(a) from Assignment a"), "nothing half-done");
        assertEquals(0, world.count("select count(n) from Notification n"));

        assignments.assignToGroup(g, List.of("sample-a"), today, today.plusDays(7));
        refused("assignment.duplicate", () -> assignments.assignToGroup(g, Arrays.asList("sample-b", "sample-a"), today, today.plusDays(7)));
        assertEquals(1, world.count("select count(a) from Assignment a"), "sample-b was not assigned either");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void groupNamesMustBeGivenAndUniquePerTrainer(Kind kind) {
        setUp(kind);
        refused("group.nameRequired", () -> groups.create("   ", "x"));
        groups.create("Cohort 1", null);
        refused("group.duplicateName", () -> groups.create(" cohort 1 ", null));
        long other = world.trainer("trainer2");
        world.groups(other, Role.TRAINER).create("Cohort 1", null);
        assertEquals(2, world.count("select count(g) from TrainingGroup g"), "another trainer may use the same name");
        long g = groups.create("Cohort 2", null);
        refused("group.duplicateName", () -> groups.update(g, "Cohort 1", null));
        assertEquals("Cohort 2", groups.group(g).name());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNewAssignmentNotifiesEveryMemberOnce(Kind kind) {
        setUp(kind);
        long g = groups.create("Cohort 1", null);
        groups.addMembers(g, List.of(wang, li));
        long id = assignments.assignToGroup(g, List.of("sample-a"), world.today(), world.today().plusDays(10)).get(0);
        List<Object[]> rows = world.tx.read(em -> em.createQuery("select n.userId, n.kind, n.dedupKey from Notification n order by n.userId",
                Object[].class).getResultList());
        assertEquals(2, rows.size());
        for (Object[] r : rows) {
            assertEquals("ASSIGNMENT_NEW", r[1].toString());
            assertEquals("assigned:" + id, r[2]);
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTraineeWhoJoinsLaterInheritsTheGroupsAssignmentsAndLosesThemOnLeaving(Kind kind) {
        setUp(kind);
        long g = groups.create("Cohort 1", null);
        groups.addMembers(g, List.of(wang));
        LocalDate due = world.today().plusDays(14);
        assignments.assignToGroup(g, Arrays.asList("sample-a", null), world.today(), due);
        assertTrue(world.home(li).home().assigned().isEmpty());

        world.clock.advance(Duration.ofDays(2));
        GroupService.AddResult added = groups.addMembers(g, List.of(li, wang));
        assertEquals(1, added.added());
        assertEquals(1, added.alreadyMembers());
        List<TraineeHomeQuery.AssignedItem> items = world.home(li).home().assigned();
        assertEquals(2, items.size(), "the module and the course");
        TraineeHomeQuery.AssignedItem module = items.stream().filter(i -> "sample-a".equals(i.moduleId())).findFirst().orElseThrow();
        assertEquals(due, module.dueDate());
        assertEquals(ProgressStatus.NOT_STARTED, module.status());
        assertEquals(world.content.course().module("sample-a").orElseThrow().lessons().get(0).id(), module.next().lessonId(),
                "continue at the module's first lesson");

        groups.removeMember(g, li);
        assertTrue(world.home(li).home().assigned().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theHomePageShowsStatusProgressAndTheNextStep(Kind kind) {
        setUp(kind);
        long g = groups.create("Cohort 1", null);
        groups.addMembers(g, List.of(wang));
        assignments.assignToGroup(g, List.of("sample-a", "sample-b"), world.today(), world.today().plusDays(3));
        world.readModule(wang, "sample-a");
        world.complete(wang, "sample-b");
        List<TraineeHomeQuery.AssignedItem> items = world.home(wang).home().assigned();
        TraineeHomeQuery.AssignedItem a = items.stream().filter(i -> "sample-a".equals(i.moduleId())).findFirst().orElseThrow();
        TraineeHomeQuery.AssignedItem b = items.stream().filter(i -> "sample-b".equals(i.moduleId())).findFirst().orElseThrow();
        assertEquals(ProgressStatus.IN_PROGRESS, a.status());
        assertEquals("sample-a", a.next().quizModuleId(), "lessons read: the module quiz is next");
        assertEquals(ProgressStatus.COMPLETED, b.status());
        assertEquals(100, b.percent());
        assertFalse(b.next().isAny());

        world.clock.advance(Duration.ofDays(4));
        TraineeHomeQuery.AssignedItem late = world.home(wang).home().assigned().stream()
                .filter(i -> "sample-a".equals(i.moduleId())).findFirst().orElseThrow();
        assertEquals(ProgressStatus.OVERDUE, late.status());
        assertEquals(2, world.home(wang).home().notifications().size(), "one notification per new assignment");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void changingDatesAndWithdrawingKeepTheHistory(Kind kind) {
        setUp(kind);
        long g = groups.create("Cohort 1", null);
        groups.addMembers(g, List.of(wang));
        LocalDate today = world.today();
        long id = assignments.assignToGroup(g, List.of("sample-a"), today, today.plusDays(7)).get(0);
        refused("assignment.dueBeforeStart", () -> assignments.reschedule(id, today.plusDays(9), today.plusDays(8), null));
        assignments.reschedule(id, today, today.plusDays(14), "more time for the holidays");
        assignments.withdraw(id, "replaced by the course");
        refused("assignment.withdrawn", () -> assignments.reschedule(id, today, today.plusDays(20), null));
        refused("assignment.withdrawn", () -> assignments.withdraw(id, null));

        List<AssignmentService.EventRow> history = assignments.history(id);
        assertEquals(List.of(AssignmentEvent.Kind.CREATED, AssignmentEvent.Kind.CHANGED, AssignmentEvent.Kind.WITHDRAWN),
                history.stream().map(AssignmentService.EventRow::event).toList());
        assertEquals(today.plusDays(7), history.get(0).dueDate(), "the first due date is still known");
        assertEquals(today.plusDays(14), history.get(1).dueDate());
        assertEquals("more time for the holidays", history.get(1).note());
        AssignmentService.AssignmentRow row = assignments.ofGroup(g).get(0);
        assertEquals(AssignmentStatus.WITHDRAWN, row.status(), "kept, marked withdrawn");
        assertTrue(world.home(wang).home().assigned().isEmpty(), "a withdrawn assignment no longer applies");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anArchivedGroupStopsItsAssignmentsKeepsItsMembersAndCanBeRestored(Kind kind) {
        setUp(kind);
        long g = groups.create("Cohort 1", null);
        groups.addMembers(g, List.of(wang));
        assignments.assignToGroup(g, List.of("sample-a"), world.today(), world.today().plusDays(7));
        long other = world.trainer("trainer2");
        assertThrows(com.servicecraft.identity.AccessDeniedException.class,
                () -> world.groups(other, Role.TRAINER).archive(g), "another trainer cannot archive it");

        groups.archive(g);
        groups.archive(g);
        assertTrue(groups.visibleGroups().isEmpty());
        List<GroupService.ArchivedGroupRow> archived = groups.archivedGroups();
        assertEquals(1, archived.size());
        assertEquals("Cohort 1", archived.get(0).name());
        assertEquals(1, archived.get(0).members(), "members stay");
        assertTrue(world.home(wang).home().assigned().isEmpty(), "the group's assignments no longer apply");
        assertThrows(com.servicecraft.identity.AccessDeniedException.class, () -> groups.group(g), "no longer managed");
        assertThrows(com.servicecraft.identity.AccessDeniedException.class,
                () -> assignments.assignToGroup(g, List.of("sample-b"), world.today(), world.today().plusDays(7)));
        assertTrue(world.groups(other, Role.TRAINER).archivedGroups().isEmpty(), "each trainer sees only their own");

        long newer = groups.create("Cohort 1", "the name is free again");
        refused("group.duplicateName", () -> groups.restore(g));
        groups.update(newer, "Cohort 1b", null);
        groups.restore(g);
        assertEquals("Cohort 1", groups.group(g).name());
        assertTrue(groups.archivedGroups().isEmpty());
        assertEquals(1, world.home(wang).home().assigned().size(), "restored with its assignment");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void membersComeBySearchDepartmentAndFileAndAnUnknownEmployeeNumberImportsNothing(Kind kind) throws Exception {
        setUp(kind);
        long sales = world.department("Sales");
        long zhao = world.person("zhao", sales, Role.TRAINEE);
        long qian = world.person("qian", sales, Role.TRAINEE);
        world.person("sun", sales, Role.TRAINER);
        long g = groups.create("Cohort 1", null);

        assertEquals(List.of(wang), groups.searchTrainees("E-WANG").stream().map(GroupService.TraineeRow::id).toList());
        assertTrue(groups.searchTrainees("sun").isEmpty(), "trainers are not offered");
        refused("group.notATrainee", () -> groups.addMembers(g, List.of(trainer)));

        assertEquals(2, groups.addDepartment(g, sales).added(), "the department's two trainees, not its trainer");

        String bad = "employee_number\nE-wang\nE-nobody\n\nE-li\nE-ghost\n";
        GroupService.ImportResult refusedImport = groups.importMembers(g, "list.csv", new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)));
        assertFalse(refusedImport.ok());
        assertEquals(List.of(3, 6), refusedImport.problems().stream().map(GroupService.ImportProblem::line).toList());
        assertEquals("group.import.unknown", refusedImport.problems().get(0).reason());
        assertEquals(2, groups.members(g).size(), "nothing imported");

        String good = "工号,姓名\nE-wang,Wang\nE-li,Li\nE-zhao,Zhao\n";
        GroupService.ImportResult ok = groups.importMembers(g, "list.csv", new ByteArrayInputStream(good.getBytes(StandardCharsets.UTF_8)));
        assertTrue(ok.ok());
        assertEquals(2, ok.added());
        assertEquals(1, ok.alreadyMembers());
        assertEquals(List.of(li, wang, qian, zhao).stream().sorted().toList(),
                groups.members(g).stream().map(GroupService.TraineeRow::id).sorted().toList());
    }
}
