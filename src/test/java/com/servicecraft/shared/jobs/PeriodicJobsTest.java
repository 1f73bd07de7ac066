package com.servicecraft.shared.jobs;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A job runs again and again, outlives a failed run, and ends with the application. */
class PeriodicJobsTest {
    private static final Duration SOON = Duration.ofMillis(1);
    private final PeriodicJobs jobs = new PeriodicJobs();

    @AfterEach
    void stop() {
        jobs.stopAll();
    }

    @Test
    void aJobRunsRepeatedlyOnItsOwnNamedThread() throws InterruptedException {
        CountDownLatch threeRuns = new CountDownLatch(3);
        String[] thread = new String[1];
        jobs.every("test-job", SOON, SOON, () -> {
            thread[0] = Thread.currentThread().getName();
            threeRuns.countDown();
        });
        assertTrue(threeRuns.await(10, TimeUnit.SECONDS), "ran three times");
        assertEquals("test-job", thread[0]);
    }

    @Test
    void aRunThatThrowsDoesNotEndTheJob() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch afterFailure = new CountDownLatch(1);
        jobs.every("failing-job", SOON, SOON, () -> {
            if (runs.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is away");
            }
            afterFailure.countDown();
        });
        assertTrue(afterFailure.await(10, TimeUnit.SECONDS), "ran again after the failed run");
        assertTrue(runs.get() >= 2);
    }

    @Test
    void stoppingInterruptsARunningJobAndEndsItsThread() throws InterruptedException {
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        jobs.every("long-job", SOON, SOON, () -> {
            runs.incrementAndGet();
            running.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        });
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertTrue(jobs.stopAll(), "every job thread ended");
        assertEquals(0, interrupted.getCount(), "the run in progress was interrupted");
        assertEquals(1, runs.get(), "no run after the stop");
    }
}
