package com.servicecraft.notification;

import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.Role;
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
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-app notifications on H2 and MariaDB: a user only ever sees and marks their own, newest first, in their language. */
class NotificationInboxTest {
    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private long wang;
    private long li;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("notification", "app_user"));
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
        TestPeople people = new TestPeople(tx, clock);
        wang = people.aTrainee("wang").create();
        li = people.aTrainee("li").create();
    }

    private NotificationInbox as(long id) {
        return new NotificationInbox(tx, clock, TestUsers.signedIn(id, "u" + id, Role.TRAINEE), content);
    }

    private void notify(long userId, NotificationKind kind, String key, Map<String, String> params, String link) {
        tx.run(em -> new NotificationWriter(clock).notify(em, userId, kind, key, params, link));
        clock.advance(Duration.ofMinutes(1));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aUserOnlyEverSeesAndMarksTheirOwnNotifications(Kind kind) {
        setUp(kind);
        notify(wang, NotificationKind.DUE_SOON, "due:1", Map.of("moduleId", "sample-a", "dueDate", "2026-12-01"), "/learn/course.xhtml");
        notify(li, NotificationKind.OVERDUE, "overdue:1", Map.of("moduleId", "sample-a", "dueDate", "2026-11-20"), null);

        List<NotificationInbox.Shown> wangs = as(wang).page(0, 20, Language.EN);
        assertEquals(1, wangs.size());
        assertEquals(NotificationKind.DUE_SOON, wangs.get(0).kind());
        long lisId = as(li).page(0, 20, Language.EN).get(0).id();

        assertThrows(AccessDeniedException.class, () -> as(wang).open(lisId), "another user's notification, by its id");
        assertEquals(1L, as(li).unreadCount(), "and it stays unread");
        assertEquals(1, as(wang).markAllRead(), "marking all read marks only one's own");
        assertEquals(0L, as(wang).unreadCount());
        assertEquals(1L, as(li).unreadCount());
        assertNull(as(li).open(lisId), "a notification without a link");
        assertEquals(0L, as(li).unreadCount());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void newestFirstAPageAtATimeInTheReadersLanguage(Kind kind) {
        setUp(kind);
        for (int i = 1; i <= 25; i++) {
            notify(wang, NotificationKind.ASSIGNMENT_NEW, "assigned:" + i, Map.of("moduleId", "sample-a", "dueDate", "2026-12-" + (10 + i % 10)),
                    "/learn/course.xhtml?n=" + i);
        }
        NotificationInbox svc = as(wang);
        assertEquals(25, svc.count());
        List<NotificationInbox.Shown> first = svc.page(0, 20, Language.EN);
        assertEquals(20, first.size());
        assertEquals("/learn/course.xhtml?n=25", first.get(0).link(), "newest first");
        List<NotificationInbox.Shown> second = svc.page(20, 20, Language.EN);
        assertEquals(5, second.size());
        assertEquals("/learn/course.xhtml?n=1", second.get(4).link());

        String moduleEn = content.course().module("sample-a").orElseThrow().title().in(Language.EN);
        String moduleZh = content.course().module("sample-a").orElseThrow().title().in(Language.ZH_CN);
        assertEquals("New assignment: " + moduleEn, first.get(0).title());
        assertTrue(first.get(0).text().contains("by 2026-12-15"), first.get(0).text());
        assertEquals("新的学习任务：" + moduleZh, svc.page(0, 1, Language.ZH_CN).get(0).title());

        assertEquals("/learn/course.xhtml?n=25", svc.open(first.get(0).id()));
        assertTrue(svc.page(0, 1, Language.EN).get(0).read());
        assertFalse(svc.page(1, 1, Language.EN).get(0).read());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void onlyLinksIntoTheApplicationAreShown(Kind kind) {
        setUp(kind);
        notify(wang, NotificationKind.ACTION_PLAN_APPROVED, "a:1", Map.of(), "https://evil.example.com/");
        notify(wang, NotificationKind.ACTION_PLAN_APPROVED, "a:2", Map.of(), "//evil.example.com/");
        notify(wang, NotificationKind.ACTION_PLAN_APPROVED, "a:3", Map.of(), "javascript:alert(1)");
        as(wang).page(0, 10, Language.EN).forEach(n -> assertNull(n.link(), n.toString()));
    }
}
