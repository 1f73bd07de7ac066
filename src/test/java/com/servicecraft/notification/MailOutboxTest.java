package com.servicecraft.notification;

import com.servicecraft.shared.settings.MailSettings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.servicecraft.content.ContentFixture;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.User;
import com.servicecraft.shared.persistence.Database;
import com.servicecraft.shared.persistence.Transactions;
import com.servicecraft.testing.MutableClock;
import com.servicecraft.testing.TestDatabases;
import com.servicecraft.testing.TestDatabases.Kind;
import com.servicecraft.testing.TestPeople;
import com.servicecraft.testing.TestUsers;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notification e-mails through a real SMTP server (GreenMail), on H2 and MariaDB: each one exactly once, in its reader's language. */
class MailOutboxTest {
    private Transactions tx;
    private MutableClock clock;
    private ContentRepository content;
    private TestPeople people;
    private GreenMail smtp;
    private NotificationWriter notifications;

    private void setUp(Kind kind) {
        Database db = TestDatabases.get(kind);
        TestDatabases.clear(db, List.of("notification", "app_user", "user_role", "group_member", "training_group"));
        tx = new Transactions(db.entityManagerFactory());
        clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
        content = new ContentRepository(tx, clock, TestUsers.admin());
        content.start(ContentFixture.copyOfSample().root());
        people = new TestPeople(tx, clock);
        notifications = new NotificationWriter(clock);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
    }

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private MailOutbox outbox() {
        MailSettings settings = new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), null, null, false,
                "servicecraft@example.com", "https://learn.example.com", 60);
        return new MailOutbox(tx, clock, content, settings);
    }

    private void notifyGraded(long userId, String key, int points) {
        tx.run(em -> notifications.notify(em, userId, NotificationKind.WORK_GRADED, key,
                Map.of("workKind", "POST_TEST", "sourceId", "post-test", "points", String.valueOf(points), "maxPoints", "10"),
                "/learn/result.xhtml?id=" + points));
    }

    private MailStatus status(long userId, String key) {
        return tx.read(em -> em.createQuery("select n.mailStatus from Notification n where n.userId = :u and n.dedupKey = :k", MailStatus.class)
                .setParameter("u", userId).setParameter("k", key).getSingleResult());
    }

    private static String to(MimeMessage m) throws Exception {
        return m.getRecipients(Message.RecipientType.TO)[0].toString();
    }

    private static String body(MimeMessage m) throws Exception {
        return String.valueOf(m.getContent());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void eachUserGetsExactlyTheirMailInTheirLanguageAndASecondRunSendsNothing(Kind kind) throws Exception {
        setUp(kind);
        long zhang = people.aTrainee("zhang").create();
        long smith = people.aTrainee("smith").speaking(Language.EN).create();
        notifyGraded(zhang, "graded:1", 7);
        notifyGraded(smith, "graded:2", 9);

        MailOutbox outbox = outbox();
        assertEquals(2, outbox.runOnce());
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertEquals(2, mails.length);
        MimeMessage toZhang = to(mails[0]).startsWith("zhang") ? mails[0] : mails[1];
        MimeMessage toSmith = toZhang == mails[0] ? mails[1] : mails[0];
        assertEquals("zhang@example.com", to(toZhang));
        assertEquals("你的书面作业已评分：课后测试", toZhang.getSubject());
        String zhBody = body(toZhang);
        assertTrue(zhBody.contains("7 / 10 分"), zhBody);
        assertTrue(zhBody.startsWith("Name zhang，你好："), zhBody);
        assertEquals("smith@example.com", to(toSmith));
        assertEquals("Your written work was graded: Post-course test", toSmith.getSubject());
        String enBody = body(toSmith);
        assertTrue(enBody.contains("9 of 10 points"), enBody);
        assertTrue(enBody.contains("https://learn.example.com/learn/result.xhtml?id=9"), "an absolute link: " + enBody);
        assertTrue(enBody.contains("https://learn.example.com/account/settings.xhtml"), "how to switch mails off");
        assertEquals(MailStatus.SENT, status(zhang, "graded:1"));

        clock.advance(Duration.ofHours(1));
        assertEquals(0, outbox.runOnce());
        assertEquals(0, outbox().runOnce(), "nothing is sent twice, not even by another node");
        assertEquals(2, smtp.getReceivedMessages().length);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void twoNodesRunningAtOnceSendEveryMailExactlyOnce(Kind kind) throws Exception {
        setUp(kind);
        List<Long> users = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(people.aTrainee("u" + i).speaking(i % 2 == 0 ? Language.EN : Language.ZH_CN).create());
        }
        int expected = 0;
        for (int n = 0; n < 5; n++) {
            for (long u : users) {
                notifyGraded(u, "graded:" + u + ":" + n, n);
                expected++;
            }
        }
        MailOutbox nodeA = outbox();
        MailOutbox nodeB = outbox();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> runs = new ArrayList<>();
        for (MailOutbox node : List.of(nodeA, nodeB, nodeA, nodeB)) {
            runs.add(pool.submit((Callable<Integer>) () -> {
                go.await();
                return node.runOnce();
            }));
        }
        go.countDown();
        int sent = 0;
        for (Future<Integer> f : runs) {
            sent += f.get();
        }
        pool.shutdown();

        assertEquals(expected, sent, "the runs together sent each mail once");
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertEquals(expected, mails.length);
        Set<String> distinct = new TreeSet<>();
        for (MimeMessage m : mails) {
            distinct.add(to(m) + " " + body(m).replaceAll("\\s+", " "));
        }
        assertEquals(expected, distinct.size(), "no mail twice");
        assertEquals(0, outbox().runOnce());
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void whoSwitchedMailOffGetsNone(Kind kind) throws Exception {
        setUp(kind);
        long off = people.aTrainee("quiet").withoutMail().create();
        long later = people.aTrainee("later").create();
        long on = people.aTrainee("keen").create();
        notifyGraded(off, "graded:1", 1);
        notifyGraded(later, "graded:2", 2);
        notifyGraded(on, "graded:3", 3);
        assertEquals(MailStatus.SKIPPED, status(off, "graded:1"), "switched off before: never pending");
        tx.run(em -> em.find(User.class, later).setEmailNotifications(false, clock.instant()));

        assertEquals(1, outbox().runOnce());
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertEquals(1, mails.length);
        assertEquals("keen@example.com", to(mails[0]));
        assertEquals(MailStatus.SKIPPED, status(later, "graded:2"), "switched off after: skipped when its turn came");
        assertEquals(MailStatus.SENT, status(on, "graded:3"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFailedSendIsRetriedLaterAndSentOnce(Kind kind) throws Exception {
        setUp(kind);
        long wang = people.aTrainee("wang").create();
        notifyGraded(wang, "graded:1", 5);
        MailOutbox outbox = outbox();
        smtp.stop();

        assertEquals(0, outbox.runOnce());
        assertEquals(MailStatus.PENDING, status(wang, "graded:1"));
        assertEquals(0, outbox.runOnce(), "not again before its back-off ran out");

        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        clock.advance(Duration.ofMinutes(2));
        assertEquals(1, outbox().runOnce());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals(MailStatus.SENT, status(wang, "graded:1"));
        int attempts = tx.read(em -> em.createQuery("select n.mailAttempts from Notification n where n.userId = :u", Integer.class)
                .setParameter("u", wang).getSingleResult());
        assertEquals(2, attempts);
    }
    @ParameterizedTest
    @EnumSource(Kind.class)
    void aNotificationThatWaitedAWeekIsNotMailedLate(Kind kind) throws Exception {
        setUp(kind);
        long wang = people.aTrainee("wang").create();
        notifyGraded(wang, "graded:old", 1);
        clock.advance(MailOutbox.STALE.plusHours(1));
        notifyGraded(wang, "graded:new", 2);

        assertEquals(1, outbox().runOnce());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals(MailStatus.SKIPPED, status(wang, "graded:old"));
        assertEquals(MailStatus.SENT, status(wang, "graded:new"));
    }
}
