package com.servicecraft.dashboard;

import com.servicecraft.assignment.AssignmentWorld;
import com.servicecraft.identity.Role;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The dashboard's "assigned" column counts members who have the module, through the whole course or by itself. */
class GroupDashboardAssignedTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theWholeCourseAssignsEveryModuleOncePerMember(Kind kind) {
        AssignmentWorld world = new AssignmentWorld(kind);
        long trainer = world.trainer("trainer-assigned");
        long group = world.groupWithTrainees(trainer, "cohort-assigned", 4);
        world.assignments(trainer, Role.TRAINER).assignToGroup(group, Arrays.asList((String) null), world.today(),
                world.today().plusDays(30));

        GroupDashboard dashboard = world.dashboards(trainer, Role.TRAINER).dashboard(group);

        List<Integer> assigned = dashboard.modules().stream().map(GroupDashboard.ModuleCompletion::assigned).toList();
        assertEquals(List.of(4, 4), assigned, "sample-a through the course; sample-b through the course and by itself, counted once");
    }
}
