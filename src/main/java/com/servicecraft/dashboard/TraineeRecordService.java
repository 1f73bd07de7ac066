package com.servicecraft.dashboard;

import com.servicecraft.assignment.AssignmentProgress;
import com.servicecraft.assignment.AssignmentService;
import com.servicecraft.assignment.EffectiveAssignments;
import com.servicecraft.assignment.UserAssignment;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.content.Exercise;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.identity.TrainerScope;
import com.servicecraft.identity.User;
import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.LessonProgress;
import com.servicecraft.learning.ModuleFactsQuery;
import com.servicecraft.question.Answer;
import com.servicecraft.quiz.AnswerCodec;
import com.servicecraft.quiz.Attempt;
import com.servicecraft.quiz.AttemptItem;
import com.servicecraft.shared.persistence.SqlValues;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/** One trainee's full record, for a trainer who acts for them ({@link TrainerScope}) or an administrator. */
@ApplicationScoped
public class TraineeRecordService {
    private static final Logger LOG = Logger.getLogger(TraineeRecordService.class.getName());

    private Transactions tx;
    private Clock clock;
    private CurrentUser currentUser;
    private ContentRepository content;
    private ModuleFactsQuery facts;

    protected TraineeRecordService() {
    }

    @Inject
    public TraineeRecordService(Transactions tx, Clock clock, CurrentUser currentUser, ContentRepository content, ModuleFactsQuery facts) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
        this.content = content;
        this.facts = facts;
    }

    public TraineeRecord record(long userId) {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        LocalDate today = AssignmentService.today(clock);
        Course course = content.course();
        return tx.read(em -> {
            User u = em.find(User.class, userId);
            if (u == null || !u.hasRole(Role.TRAINEE) || !TrainerScope.mayActFor(em, me, userId)) {
                LOG.warning(() -> "Refused: " + me.username() + " asked for the record of user " + userId);
                throw new AccessDeniedException("trainee " + userId);
            }
            CourseFacts cf = facts.forUser(em, userId);
            Map<String, LocalDate> due = new HashMap<>();
            for (UserAssignment ua : EffectiveAssignments.ofUser(em, userId)) {
                due.merge(ua.assignment().getModuleId() == null ? "" : ua.assignment().getModuleId(), ua.assignment().getDueDate(),
                        (a, b) -> a.isBefore(b) ? a : b);
            }
            List<TraineeRecord.ModuleLine> modules = new ArrayList<>();
            if (course != null) {
                modules.add(new TraineeRecord.ModuleLine(null, due.get(""), AssignmentProgress.status(cf, null, due.get(""), today)));
                for (CourseModule m : course.modules()) {
                    modules.add(new TraineeRecord.ModuleLine(m.id(), due.get(m.id()), AssignmentProgress.status(cf, m.id(), due.get(m.id()), today)));
                }
            }
            List<LessonProgress> lessons = em.createQuery("select p from LessonProgress p where p.userId = :u order by p.firstOpenedAt",
                    LessonProgress.class).setParameter("u", userId).getResultList();
            List<Attempt> attempts = em.createQuery("select a from Attempt a where a.userId = :u order by a.startedAt desc, a.id desc",
                    Attempt.class).setParameter("u", userId).getResultList();
            Set<String> reflectionIds = course == null ? Set.of() : course.modules().stream().flatMap(m -> m.exercises().stream())
                    .filter(e -> "reflection".equals(e.kind())).map(Exercise::id).collect(Collectors.toSet());
            List<TraineeRecord.Reflection> reflections = new ArrayList<>();
            if (!reflectionIds.isEmpty()) {
                List<Object[]> rows = em.createQuery("select a.id, a.sourceId, i from Attempt a, AttemptItem i where i.attemptId = a.id"
                                + " and a.userId = :u and a.kind = :k and a.sourceId in :s and i.response is not null order by i.savedAt desc",
                        Object[].class).setParameter("u", userId).setParameter("k", com.servicecraft.quiz.AttemptKind.EXERCISE)
                        .setParameter("s", reflectionIds).getResultList();
                for (Object[] r : rows) {
                    AttemptItem item = (AttemptItem) r[2];
                    Answer answer = AnswerCodec.read(item.getResponse());
                    if (answer instanceof Answer.Text t && t.text() != null && !t.text().isBlank()) {
                        reflections.add(new TraineeRecord.Reflection((Long) r[0], (String) r[1], item.getQuestionId(), t.text(), item.getSavedAt()));
                    }
                }
            }
            List<?> plan = em.createNativeQuery("select status, updated_at, submitted_at, approved_at from action_plan where user_id = ?")
                    .setParameter(1, userId).getResultList();
            TraineeRecord.ActionPlanState planState = plan.isEmpty() ? null : toPlan((Object[]) plan.get(0));
            return new TraineeRecord(u.getId(), u.getDisplayName(), u.getUsername(), u.getEmployeeNumber(),
                    u.getDepartment() == null ? null : u.getDepartment().getName(), cf, modules, lessons, attempts, reflections, planState);
        });
    }

    private static TraineeRecord.ActionPlanState toPlan(Object[] r) {
        return new TraineeRecord.ActionPlanState((String) r[0], SqlValues.instant(r[1]), SqlValues.instant(r[2]), SqlValues.instant(r[3]));
    }
}
