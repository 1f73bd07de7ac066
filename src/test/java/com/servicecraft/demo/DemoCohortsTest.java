package com.servicecraft.demo;

import com.servicecraft.assignment.AssignmentWorld;
import com.servicecraft.assignment.GroupService;
import com.servicecraft.assignment.TraineeHomeQuery;
import com.servicecraft.identity.Role;
import com.servicecraft.notification.NotificationWriter;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo cohorts give each demo trainer a group with the course assigned, once. */
class DemoCohortsTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachDemoTrainerGetsOneCohortWithTheCourseAssignedOnce(Kind kind) {
        AssignmentWorld world = new AssignmentWorld(kind);
        DemoCohorts cohorts = new DemoCohorts(world.tx, world.clock, world.content, new NotificationWriter(world.clock));
        assertFalse(cohorts.seedIfAbsent(), "no demo people, no cohorts");

        long trainer1 = world.trainer("trainer1");
        long trainer2 = world.trainer("trainer2");
        Map<String, Long> trainees = new HashMap<>();
        for (int i = 1; i <= 40; i++) {
            String name = String.format("t%03d", i);
            trainees.put(name, world.trainee(name));
        }
        assertTrue(cohorts.seedIfAbsent());
        assertFalse(cohorts.seedIfAbsent(), "seeded once");

        List<GroupService.GroupRow> first = world.groups(trainer1, Role.TRAINER).visibleGroups();
        assertEquals(1, first.size());
        assertEquals(DemoCohorts.NEW_STARTERS, first.get(0).name());
        assertEquals(20, first.get(0).members());
        List<GroupService.GroupRow> second = world.groups(trainer2, Role.TRAINER).visibleGroups();
        assertEquals(DemoCohorts.HOTLINE, second.get(0).name());
        assertEquals(20, second.get(0).members());

        TraineeHomeQuery.AssignedItem newStarter = world.home(trainees.get("t001")).home().assigned().get(0);
        assertNull(newStarter.moduleId(), "the whole course");
        assertEquals(world.today().plusDays(28), newStarter.dueDate());
        assertEquals(world.today().plusDays(3), world.home(trainees.get("t040")).home().assigned().get(0).dueDate());
        assertEquals(20, world.reminders().runOnce().created(), "the hotline team is reminded that the course is due soon");
    }
}
