package com.servicecraft.learning;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.content.CourseModule;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.persistence.SqlValues;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes {@link CourseFacts} for many trainees at once by running the completion rules
 * ({@code course-facts.sql}, {@link CourseFactsSql}, the same statement the HR records continue) for
 * the listed trainees: one statement per chunk of {@value #CHUNK} trainees, so a dashboard costs the
 * same number of statements for 10 trainees as for 1,000. Nothing is decided here: every completed,
 * exhausted and started flag and every time comes from the statement. Lessons and modules that are
 * no longer in the served course do not count.
 */
@ApplicationScoped
public class ModuleFactsQuery {
    static final int CHUNK = 2_000;
    private static final String FOR_USERS = "SELECT u.id AS uid, ml.mid FROM app_user u CROSS JOIN ml WHERE :users(u.id)";
    private static final String COLUMNS = " SELECT uid, mid, done, secs, first_start, last_seen, last_act, quiz_req, finished,"
            + " allowed_now, best, last_score, passed_at, completed_at, quiz_exhausted, exhausted, started FROM rules";

    private ContentRepository content;
    private final CourseShapeTable shapes = new CourseShapeTable();

    protected ModuleFactsQuery() {
        // for CDI's proxy
    }

    @Inject
    public ModuleFactsQuery(ContentRepository content) {
        this.content = content;
    }

    /** Facts for each given user on the course being served now (an empty map when no course is loaded). */
    public Map<Long, CourseFacts> forUsers(EntityManager em, Collection<Long> userIds) {
        return of(content.course(), em, userIds);
    }

    public CourseFacts forUser(EntityManager em, long userId) {
        return forUsers(em, List.of(userId)).get(userId);
    }

    /** Facts for each given user on this course. */
    public Map<Long, CourseFacts> of(Course course, EntityManager em, Collection<Long> userIds) {
        Map<Long, CourseFacts> result = new HashMap<>();
        if (course == null || userIds.isEmpty()) {
            return result;
        }
        String shapeKey = shapeKey(em, CourseShape.of(course, Language.EN));
        List<Long> ids = List.copyOf(Set.copyOf(userIds));
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            result.putAll(chunk(course, em, shapeKey, chunk));
        }
        return result;
    }

    /**
     * The shape's rows are written once per shape, on a connection of their own: the caller's
     * transaction may be read-only or must not be committed early. Once known, no connection is taken.
     */
    private String shapeKey(EntityManager em, CourseShape shape) {
        String known = shapes.knownKey(shape);
        if (known != null) {
            return known;
        }
        EntityManager own = em.getEntityManagerFactory().createEntityManager();
        try {
            return own.unwrap(Session.class).doReturningWork(c -> shapes.ensure(c, shape));
        } finally {
            own.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, CourseFacts> chunk(Course course, EntityManager em, String shapeKey, List<Long> ids) {
        String sql = CourseFactsSql.statement(FOR_USERS, COLUMNS, CourseFactsSql.Users.of(ids), Map.of("shape", shapeKey));
        Map<Long, Map<String, Object[]>> rows = new HashMap<>();
        for (Object[] r : (List<Object[]>) em.createNativeQuery(sql).getResultList()) {
            rows.computeIfAbsent(SqlValues.lng(r[0]), k -> new HashMap<>()).put((String) r[1], r);
        }
        Map<Long, CourseFacts> result = new HashMap<>();
        for (long id : ids) {
            result.put(id, facts(course, id, rows.getOrDefault(id, Map.of())));
        }
        return result;
    }

    private static CourseFacts facts(Course course, long userId, Map<String, Object[]> rows) {
        Map<String, ModuleFacts> modules = new LinkedHashMap<>();
        for (CourseModule m : course.modules()) {
            Object[] r = rows.get(m.id());
            modules.put(m.id(), r == null ? new ModuleFacts(userId, m.id(), m.lessons().size(), 0, 0, null, null, false, 0, 0,
                    null, null, false, null, false, false)
                    : new ModuleFacts(userId, m.id(), m.lessons().size(), (int) SqlValues.lng(r[2]), SqlValues.lng(r[3]),
                    SqlValues.instant(r[4]), max(SqlValues.instant(r[5]), SqlValues.instant(r[6])), flag(r[7]),
                    (int) SqlValues.lng(r[8]), (int) SqlValues.lng(r[9]), SqlValues.dbl(r[10]), SqlValues.dbl(r[11]),
                    r[12] != null, SqlValues.instant(r[13]), flag(r[14]), flag(r[16])));
        }
        Object[] c = rows.get(CourseShape.COURSE);
        if (c == null) {
            return new CourseFacts(userId, modules, false, 0, 0, null, null, false, null, null, false, false, false, null, 0);
        }
        return new CourseFacts(userId, modules, flag(c[7]), (int) SqlValues.lng(c[8]), (int) SqlValues.lng(c[9]),
                SqlValues.dbl(c[10]), SqlValues.dbl(c[11]), c[12] != null, SqlValues.instant(c[12]), SqlValues.instant(c[13]),
                flag(c[14]), flag(c[15]), flag(c[16]), SqlValues.instant(c[4]), SqlValues.lng(c[3]));
    }

    private static boolean flag(Object v) {
        return v != null && SqlValues.lng(v) == 1;
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
