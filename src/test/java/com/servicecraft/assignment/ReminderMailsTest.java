package com.servicecraft.assignment;

import com.servicecraft.shared.settings.MailSettings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.servicecraft.identity.Role;
import com.servicecraft.notification.MailOutbox;
import com.servicecraft.testing.TestDatabases.Kind;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
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

/**
 * The whole reminder chain against a real SMTP server (GreenMail): two nodes each run the reminder
 * job and then the mail outbox at the same moment; every trainee gets exactly the expected mails,
 * and later runs send none again.
 */
class ReminderMailsTest {
    private AssignmentWorld world;
    private GreenMail smtp;

    @AfterEach
    void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private MailOutbox outbox() {
        return new MailOutbox(world.tx, world.clock, world.content, new MailSettings("127.0.0.1", smtp.getSmtp().getPort(), null, null,
                false, "servicecraft@example.com", "https://learn.example.com", 60));
    }

    private List<String> received() throws Exception {
        List<String> mails = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            mails.add(m.getRecipients(Message.RecipientType.TO)[0] + " | " + m.getSubject());
        }
        mails.sort(String::compareTo);
        return mails;
    }

    /** Two nodes: each runs the reminder job, then its outbox, started together. */
    private void twoNodesRun() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int node = 0; node < 2; node++) {
                ReminderJob job = world.reminders();
                MailOutbox outbox = outbox();
                runs.add(pool.submit((Callable<Integer>) () -> {
                    go.await();
                    job.runOnce();
                    return outbox.runOnce();
                }));
            }
            go.countDown();
            for (Future<Integer> f : runs) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void overlappingRunsOnTwoNodesMailEachReminderOnceAndASecondRunMailsNothing(Kind kind) throws Exception {
        world = new AssignmentWorld(kind);
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        long trainer = world.trainer("trainer1");
        List<Long> trainees = new ArrayList<>();
        for (String name : List.of("wang", "li", "zhao")) {
            trainees.add(world.trainee(name));
        }
        GroupService groups = world.groups(trainer, Role.TRAINER);
        long group = groups.create("Cohort 1", null);
        groups.addMembers(group, trainees);
        LocalDate today = world.today();
        world.assignments(trainer, Role.TRAINER).assignToGroup(group, List.of("sample-b"), today, today.plusDays(2));
        world.complete(trainees.get(2), "sample-b");

        twoNodesRun();
        List<String> expected = new ArrayList<>();
        for (String name : List.of("wang", "li", "zhao")) {
            expected.add(name + "@example.com | New assignment: Sample module B");
        }
        expected.add("li@example.com | Due soon: Sample module B");
        expected.add("wang@example.com | Due soon: Sample module B");
        expected.sort(String::compareTo);
        assertEquals(expected, received(), "zhao has completed the module: no due-soon reminder");

        world.clock.advance(Duration.ofHours(2));
        twoNodesRun();
        assertEquals(expected, received(), "nothing is mailed twice");

        world.clock.advance(Duration.ofDays(3));
        twoNodesRun();
        List<String> overdue = new ArrayList<>(expected);
        overdue.add("li@example.com | Overdue: Sample module B");
        overdue.add("wang@example.com | Overdue: Sample module B");
        overdue.sort(String::compareTo);
        assertEquals(overdue, received(), "past the due date: one overdue mail each");
    }
}
