package com.servicecraft.quiz;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.Role;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestPeople;
import com.servicecraft.testing.TestUsers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Extra attempts on H2 and MariaDB: a trainer grants only to trainees they answer for, and the history is kept per trainee. */
class AttemptGrantServiceTest {
    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private long trainer1;
    private long trainer2;
    private long admin;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("notification", "attempt_grant", "group_member", "training_group", "app_user"));
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
        TestPeople people = new TestPeople(tx, clock);
        trainer1 = people.aTrainer("trainer1").create();
        trainer2 = people.aTrainer("trainer2").create();
        admin = people.anAdmin("boss").create();
        long wang = people.aTrainee("wang").create();
        people.aTrainee("zhao").create();
        people.group("Team 1", trainer1, wang);
    }

    private AttemptGrantService as(long id, Role role) {
        return new AttemptGrantService(tx, clock, TestUsers.signedIn(id, "u" + id, role), new AttemptPlans(content),
                new com.servicecraft.notification.NotificationWriter(clock));
    }

    private static List<String> who(List<AttemptGrantService.GrantRow> rows) {
        return rows.stream().map(r -> r.username() + ":" + r.reason()).toList();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTrainerGrantsOnlyToTheirOwnGroupsAndTraineesInNoGroup(Kind kind) {
        setUp(kind);
        UserInputException refused = assertThrows(UserInputException.class,
                () -> as(trainer2, Role.TRAINER).grant("wang", AttemptKind.POST_TEST, AttemptPlans.POST_TEST_ID, 1, "ill on test day"));
        assertEquals("grant.notYourTrainee", refused.messageKey());

        as(trainer1, Role.TRAINER).grant("wang", AttemptKind.POST_TEST, AttemptPlans.POST_TEST_ID, 1, "ill on test day");
        clock.advance(Duration.ofMinutes(1));
        as(trainer2, Role.TRAINER).grant("zhao", AttemptKind.POST_TEST, AttemptPlans.POST_TEST_ID, 2, "network failure");
        clock.advance(Duration.ofMinutes(1));
        as(admin, Role.ADMIN).grant("WANG", AttemptKind.MODULE_QUIZ, "sample-a", 1, "second chance");

        assertEquals(List.of("wang:second chance", "zhao:network failure", "wang:ill on test day"), who(as(admin, Role.ADMIN).history()));
        assertEquals(List.of("wang:second chance", "wang:ill on test day"), who(as(admin, Role.ADMIN).history(" Wang ")), "per trainee");
        assertEquals(List.of("zhao:network failure"), who(as(trainer2, Role.TRAINER).history()), "not the history of another trainer's trainee");
        assertEquals(List.of(), who(as(trainer2, Role.TRAINER).history("wang")));
        assertEquals(List.of("wang:second chance", "zhao:network failure", "wang:ill on test day"), who(as(trainer1, Role.TRAINER).history()));
    }
}
