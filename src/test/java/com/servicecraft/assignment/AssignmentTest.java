package com.servicecraft.assignment;

import com.servicecraft.shared.UserInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An assignment's own rules, without a database. */
class AssignmentTest {
    private static final LocalDate TODAY = LocalDate.parse("2026-11-22");
    private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

    private static String refusal(Runnable r) {
        return assertThrows(UserInputException.class, r::run).messageKey();
    }

    @Test
    void datesMustBeGivenInOrderAndNotInThePast() {
        assertEquals("assignment.datesRequired", refusal(() -> Assignment.checkDates(null, TODAY, TODAY)));
        assertEquals("assignment.dueInPast", refusal(() -> Assignment.checkDates(TODAY.minusDays(3), TODAY.minusDays(1), TODAY)));
        assertEquals("assignment.dueBeforeStart", refusal(() -> Assignment.checkDates(TODAY.plusDays(2), TODAY.plusDays(1), TODAY)));
        Assignment.checkDates(TODAY.minusDays(7), TODAY, TODAY);
    }

    private static String fieldOf(Runnable r) {
        return assertThrows(UserInputException.class, r::run).problems().get(0).field();
    }

    @Test
    void aRefusedDateNamesTheDateAtFault() {
        assertEquals(Assignment.START, fieldOf(() -> Assignment.checkDates(null, TODAY, TODAY)));
        assertEquals(Assignment.DUE, fieldOf(() -> Assignment.checkDates(TODAY, null, TODAY)));
        assertEquals(Assignment.DUE, fieldOf(() -> Assignment.checkDates(TODAY.minusDays(3), TODAY.minusDays(1), TODAY)));
        assertEquals(Assignment.DUE, fieldOf(() -> Assignment.checkDates(TODAY.plusDays(2), TODAY.plusDays(1), TODAY)));
    }

    @Test
    void aRefusedGroupNamesTheNameOrTheDescription() {
        assertEquals(TrainingGroup.NAME, fieldOf(() -> new TrainingGroup("  ", null, 1, NOW)));
        assertEquals(TrainingGroup.NAME, fieldOf(() -> new TrainingGroup("名".repeat(TrainingGroup.MAX_NAME + 1), null, 1, NOW)));
        assertEquals(TrainingGroup.DESCRIPTION, fieldOf(() -> new TrainingGroup("一组", "长".repeat(TrainingGroup.MAX_DESCRIPTION + 1), 1, NOW)));
    }

    @Test
    void overdueStartsTheDayAfterTheDueDate() {
        Assignment a = Assignment.toGroup(1, "m1", TODAY, TODAY.plusDays(3), TODAY, 9, NOW);
        assertFalse(a.isOverdueOn(TODAY.plusDays(3)));
        assertTrue(a.isOverdueOn(TODAY.plusDays(4)));
    }

    @Test
    void aWithdrawnAssignmentStaysAsItWas() {
        Assignment a = Assignment.toTrainee(5, null, TODAY, TODAY.plusDays(3), TODAY, 9, NOW);
        assertTrue(a.isCourse());
        a.reschedule(TODAY, TODAY.plusDays(10), TODAY, NOW);
        a.withdraw(NOW);
        assertEquals(AssignmentStatus.WITHDRAWN, a.getStatus());
        assertEquals("assignment.withdrawn", refusal(() -> a.reschedule(TODAY, TODAY.plusDays(20), TODAY, NOW)));
        assertEquals(TODAY.plusDays(10), a.getDueDate());
    }

    @Test
    void aGroupNeedsAName() {
        assertEquals("group.nameRequired", refusal(() -> new TrainingGroup(" ", null, 1, NOW)));
        assertEquals("group.nameTooLong", refusal(() -> new TrainingGroup("x".repeat(121), null, 1, NOW)));
        assertEquals("Cohort", new TrainingGroup("  Cohort ", " ", 1, NOW).getName());
    }
}
