package com.servicecraft.dashboard;

import com.servicecraft.assignment.AssignmentProgress;
import com.servicecraft.assignment.AssignmentService;
import com.servicecraft.assignment.EffectiveAssignments;
import com.servicecraft.assignment.GroupService;
import com.servicecraft.assignment.UserAssignment;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.ModuleFacts;
import com.servicecraft.learning.ModuleFactsQuery;
import com.servicecraft.learning.ProgressStatus;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds a group's {@link GroupDashboard} with a fixed number of SQL statements, whatever the size
 * of the group: the members, their effective assignments and their module facts are each read set-wise.
 */
@ApplicationScoped
public class DashboardService {
    private Transactions tx;
    private Clock clock;
    private CurrentUser currentUser;
    private ContentRepository content;
    private ModuleFactsQuery facts;
    private GroupService groups;

    protected DashboardService() {
    }

    @Inject
    public DashboardService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content, ModuleFactsQuery facts,
                            GroupService groups) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
        this.facts = facts;
        this.groups = groups;
    }

    private record Member(long id, String displayName, String username, String employeeNumber) {
    }

    public GroupDashboard dashboard(long groupId) {
        currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        GroupService.GroupRow group = groups.group(groupId);
        LocalDate today = AssignmentService.today(clock);
        Course course = content.course();
        return tx.read(em -> {
            List<Member> members = em.createQuery("select u.id, u.displayName, u.username, u.employeeNumber from GroupMember m,"
                            + " User u where u.id = m.userId and m.groupId = :g order by u.displayName, u.id", Object[].class)
                    .setParameter("g", groupId).getResultList().stream()
                    .map(r -> new Member((Long) r[0], (String) r[1], (String) r[2], (String) r[3])).toList();
            List<Long> ids = members.stream().map(Member::id).toList();
            Map<Long, CourseFacts> all = facts.forUsers(em, ids);
            // Per member and module (null: the course), the earliest due date of the assignments that apply.
            Map<Long, Map<String, LocalDate>> due = new HashMap<>();
            for (UserAssignment ua : EffectiveAssignments.ofGroupMembers(em, groupId)) {
                due.computeIfAbsent(ua.userId(), k -> new HashMap<>())
                        .merge(ua.assignment().getModuleId() == null ? "" : ua.assignment().getModuleId(),
                                ua.assignment().getDueDate(), (a, b) -> a.isBefore(b) ? a : b);
            }
            List<CourseModule> modules = course == null ? List.of() : course.modules();
            int[] post = new int[10];
            int[] quiz = new int[10];
            double postSum = 0;
            int postCount = 0;
            Map<String, int[]> perModule = new LinkedHashMap<>();
            modules.forEach(m -> perModule.put(m.id(), new int[3]));
            List<GroupDashboard.TraineeLine> lines = new ArrayList<>();
            List<GroupDashboard.OverdueLine> overdue = new ArrayList<>();
            for (Member member : members) {
                CourseFacts cf = all.get(member.id());
                Map<String, LocalDate> mine = due.getOrDefault(member.id(), Map.of());
                boolean failing = cf != null && cf.attemptsExhausted();
                if (cf != null) {
                    for (ModuleFacts mf : cf.modules().values()) {
                        int[] c = perModule.get(mf.moduleId());
                        if (c != null && mf.completed()) {
                            c[0]++;
                        }
                        if (c != null) {
                            c[2] += mf.lessonPercent();
                        }
                        if (mf.bestScore() != null) {
                            quiz[GroupDashboard.bin(mf.bestScore())]++;
                        }
                    }
                    if (cf.postTestBestScore() != null) {
                        post[GroupDashboard.bin(cf.postTestBestScore())]++;
                        postSum += cf.postTestBestScore();
                        postCount++;
                    }
                }
                // A module counts as assigned to the member once, whether through the whole course or by itself.
                perModule.forEach((moduleId, c) -> {
                    if (mine.containsKey("") || mine.containsKey(moduleId)) {
                        c[1]++;
                    }
                });
                ProgressStatus worst = null;
                int overdueCount = 0;
                for (Map.Entry<String, LocalDate> e : mine.entrySet()) {
                    String moduleId = e.getKey().isEmpty() ? null : e.getKey();
                    if (moduleId != null && !perModule.containsKey(moduleId)) {
                        continue;
                    }
                    ProgressStatus s = AssignmentProgress.status(cf, moduleId, e.getValue(), today);
                    if (s == ProgressStatus.OVERDUE) {
                        overdueCount++;
                        overdue.add(new GroupDashboard.OverdueLine(member.id(), member.displayName(), moduleId, e.getValue(), s));
                    }
                    worst = worse(worst, s);
                }
                if (worst == null) {
                    worst = cf == null ? ProgressStatus.NOT_STARTED : cf.status(null, today);
                }
                lines.add(new GroupDashboard.TraineeLine(member.id(), member.displayName(), member.username(), member.employeeNumber(),
                        cf == null ? 0 : cf.modulesCompleted(), modules.size(), lessonPercent(cf),
                        cf == null ? null : cf.postTestBestScore(), worst, overdueCount, failing));
            }
            overdue.sort(Comparator.comparing(GroupDashboard.OverdueLine::dueDate).thenComparing(GroupDashboard.OverdueLine::displayName));
            List<GroupDashboard.ModuleCompletion> completion = new ArrayList<>();
            perModule.forEach((id, c) -> completion.add(new GroupDashboard.ModuleCompletion(id, c[0], c[1], members.size(),
                    members.isEmpty() ? 0 : c[2] / members.size())));
            return new GroupDashboard(group, completion, post, quiz, postCount == 0 ? null : Math.round(postSum / postCount * 10) / 10.0,
                    lines, overdue);
        });
    }

    /** Lessons read as a percentage of all the course's lessons. */
    private static int lessonPercent(CourseFacts cf) {
        if (cf == null) {
            return 0;
        }
        int total = cf.modules().values().stream().mapToInt(ModuleFacts::lessonsTotal).sum();
        int done = cf.modules().values().stream().mapToInt(ModuleFacts::lessonsCompleted).sum();
        return total == 0 ? 0 : 100 * done / total;
    }

    /** FAILED before NEEDS_TRAINER before OVERDUE before IN_PROGRESS before NOT_STARTED before COMPLETED. */
    private static ProgressStatus worse(ProgressStatus a, ProgressStatus b) {
        if (a == null) {
            return b;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(ProgressStatus s) {
        return switch (s) {
            case FAILED -> 5;
            case NEEDS_TRAINER -> 4;
            case OVERDUE -> 3;
            case IN_PROGRESS -> 2;
            case NOT_STARTED -> 1;
            case COMPLETED -> 0;
        };
    }
}
