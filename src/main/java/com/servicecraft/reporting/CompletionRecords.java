package com.servicecraft.reporting;

import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.HrScopeService;
import com.servicecraft.identity.Language;
import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;
import java.util.function.Function;

/**
 * The completion records as a viewer may read them: the current course, the viewer's department
 * scope (enforced here, for pages, exports and the API alike) and today's date for "overdue".
 */
@ApplicationScoped
public class CompletionRecords {
    private final Database database;
    private final Function<Language, CourseShape> shapes;
    private final HrScopeService scopes;
    private final Clock clock;
    private CompletionQuery query;

    @Inject
    public CompletionRecords(Database database, ContentRepository content, HrScopeService scopes, Clock clock) {
        this(database, language -> {
            Course course = content.course();
            if (course == null) {
                throw new IllegalStateException("No course is loaded");
            }
            return CourseShape.of(course, language);
        }, scopes, clock);
    }

    /** {@code shapes}: the course as loaded now, with titles in a language. */
    public CompletionRecords(Database database, Function<Language, CourseShape> shapes, HrScopeService scopes, Clock clock) {
        this.database = database;
        this.shapes = shapes;
        this.scopes = scopes;
        this.clock = clock;
    }

    public CompletionQuery query() {
        if (query == null) {
            query = new CompletionQuery(database.dataSource(), database.isMySql());
        }
        return query;
    }

    public CourseShape shape(Language language) {
        return shapes.apply(language);
    }

    /**
     * The query request for this viewer and filter. A department outside the viewer's scope is
     * refused rather than silently emptied, so that a scoped officer learns they asked too much.
     */
    public CompletionQuery.Request request(Viewer viewer, CompletionFilter filter, Language language) {
        Set<Long> visible = scopes.visibleTo(viewer.userId(), viewer.admin());
        if (visible != null && filter.departmentId() != null && !visible.contains(filter.departmentId())) {
            throw new AccessDeniedException(viewer.username() + " may not read department " + filter.departmentId());
        }
        return CompletionQuery.Request.of(shape(language), filter, visible, LocalDate.now(clock));
    }

    /**
     * Training groups for the filter, archived ones included (their records stay for audits) but
     * listed after the active ones and marked, since a trainer may reuse an archived group's name.
     */
    public java.util.List<GroupOption> groups() {
        java.util.List<GroupOption> out = new java.util.ArrayList<>();
        try (var c = database.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT id, name, archived_at FROM training_group"
                     + " ORDER BY CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END, name, id"); var rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new GroupOption(rs.getLong(1), rs.getString(2), rs.getObject(3) != null));
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public record GroupOption(long id, String name, boolean archived) implements java.io.Serializable {
    }

    /** An id and a label for a filter menu. */
    public record Option(long id, String label) implements java.io.Serializable {
    }

    public Set<Long> visibleDepartments(Viewer viewer) {
        return scopes.visibleTo(viewer.userId(), viewer.admin());
    }
}
