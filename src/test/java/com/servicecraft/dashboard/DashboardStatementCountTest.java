package com.servicecraft.dashboard;

import com.servicecraft.assignment.AssignmentWorld;
import com.servicecraft.identity.Role;
import com.servicecraft.testing.SqlCounter;
import com.servicecraft.testing.TestDatabases.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A group's dashboard costs the same number of SQL statements for 10 trainees as for 1,000. */
class DashboardStatementCountTest {

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theStatementCountDoesNotGrowWithTheGroup(Kind kind) {
        AssignmentWorld world = new AssignmentWorld(kind);
        long trainer = world.trainer("trainer1");
        long small = world.groupWithTrainees(trainer, "small", 10);
        long large = world.groupWithTrainees(trainer, "large", 1000);
        world.clock.advance(java.time.Duration.ofDays(3));
        DashboardService dashboards = world.dashboards(trainer, Role.TRAINER);

        dashboards.dashboard(small); // warm-up: content, caches
        SqlCounter.reset();
        GroupDashboard s = dashboards.dashboard(small);
        int forTen = SqlCounter.statements().size();
        SqlCounter.reset();
        GroupDashboard l = dashboards.dashboard(large);
        int forThousand = SqlCounter.statements().size();

        assertEquals(10, s.trainees().size());
        assertEquals(1000, l.trainees().size());
        assertEquals(forTen, forThousand, "statements for 1,000 trainees: " + SqlCounter.statements());
        assertTrue(forTen <= 12, forTen + " statements");
        assertEquals(500, l.modules().get(0).completed(), "every second trainee completed the first module");
        assertEquals(50.0, l.modules().get(0).percent());
        assertEquals(1000, l.overdue().size(), "sample-b was due two days ago");
        assertEquals(1000, l.atRisk().size());
        assertEquals(100, l.postTestHistogram()[5], "scores 50-59");
        assertTrue(l.averagePostScore() != null);
    }
}
