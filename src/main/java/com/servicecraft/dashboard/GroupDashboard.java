package com.servicecraft.dashboard;

import com.servicecraft.assignment.GroupService;
import com.servicecraft.learning.ProgressStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * One group's progress as its trainer sees it: completion per module, the score distribution,
 * the average post-course score, overdue work and the trainees at risk.
 *
 * @param postTestHistogram   members' best post-test scores in ten bins (0–9, 10–19, … 90–100)
 * @param moduleQuizHistogram members' best module-quiz scores (every module) in the same bins
 * @param averagePostScore    mean of the members' best post-test scores; null when nobody has one
 */
public record GroupDashboard(GroupService.GroupRow group, List<ModuleCompletion> modules, int[] postTestHistogram,
                             int[] moduleQuizHistogram, Double averagePostScore, List<TraineeLine> trainees,
                             List<OverdueLine> overdue) {

    /** How many members completed a module, how many have it assigned, and the share of its lessons they read on average. */
    public record ModuleCompletion(String moduleId, int completed, int assigned, int members, int lessonsReadPercent) {
        public double percent() {
            return members == 0 ? 0 : Math.round(1000.0 * completed / members) / 10.0;
        }
    }

    /** One member: modules done, lessons read (percent of the course), best post-test score, the worst status of their assignments. */
    public record TraineeLine(long userId, String displayName, String username, String employeeNumber, int modulesCompleted,
                              int modulesTotal, int percent, Double postTestBest, ProgressStatus status, int overdueCount,
                              boolean failing) {
        public boolean atRisk() {
            return overdueCount > 0 || failing;
        }
    }

    /** An assigned module (null: the course) a member has not completed by its due date. */
    public record OverdueLine(long userId, String displayName, String moduleId, LocalDate dueDate, ProgressStatus status) {
    }

    public List<TraineeLine> atRisk() {
        return trainees.stream().filter(TraineeLine::atRisk).toList();
    }

    public static int bin(double score) {
        return Math.min(9, Math.max(0, (int) Math.floor(score / 10)));
    }
}
