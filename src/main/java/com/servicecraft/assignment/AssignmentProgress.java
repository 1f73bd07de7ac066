package com.servicecraft.assignment;

import com.servicecraft.learning.CourseFacts;
import com.servicecraft.learning.ModuleFacts;
import com.servicecraft.learning.ModuleFactsQuery;
import com.servicecraft.learning.ProgressStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Assignments measured against what trainees did ({@link ModuleFactsQuery}): completed or not, and the status against the due date. */
@ApplicationScoped
public class AssignmentProgress {
    private ModuleFactsQuery facts;

    protected AssignmentProgress() {
    }

    @Inject
    public AssignmentProgress(ModuleFactsQuery facts) {
        this.facts = facts;
    }

    /** The key of a (trainee, module) pair; a null module is the whole course. */
    public static String key(long userId, String moduleId) {
        return userId + "|" + (moduleId == null ? "" : moduleId);
    }

    /** Keys of the pairs among {@code assignments} that are completed (or whose module left the course). */
    public Set<String> completed(EntityManager em, Collection<Long> users, List<UserAssignment> assignments) {
        Map<Long, CourseFacts> all = facts.forUsers(em, users);
        Set<String> done = new HashSet<>();
        for (UserAssignment ua : assignments) {
            CourseFacts cf = all.get(ua.userId());
            String m = ua.assignment().getModuleId();
            boolean completed = cf == null || (m == null ? cf.completed() : cf.module(m) == null || cf.module(m).completed());
            if (completed) {
                done.add(key(ua.userId(), m));
            }
        }
        return done;
    }

    /** The status of one assigned module (or, for a null module, the course) against its due date. */
    public static ProgressStatus status(CourseFacts cf, String moduleId, LocalDate due, LocalDate today) {
        if (cf == null) {
            return ProgressStatus.NOT_STARTED;
        }
        if (moduleId == null) {
            return cf.status(due, today);
        }
        ModuleFacts mf = cf.module(moduleId);
        return mf == null ? ProgressStatus.NOT_STARTED : mf.status(due, today);
    }

    /** Percent done: lessons for a module, modules for the course. */
    public static int percent(CourseFacts cf, String moduleId) {
        if (cf == null) {
            return 0;
        }
        if (moduleId == null) {
            return cf.percent();
        }
        ModuleFacts mf = cf.module(moduleId);
        return mf == null ? 0 : mf.completed() ? 100 : mf.lessonPercent();
    }

    public ModuleFactsQuery facts() {
        return facts;
    }
}
