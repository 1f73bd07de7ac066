package com.servicecraft.reporting;

import com.servicecraft.learning.CourseShape;
import com.servicecraft.shared.time.OrganisationZone;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.Course;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.HrScopeService;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
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
        return CompletionQuery.Request.of(shape(language), filter, visible, OrganisationZone.today(clock));
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

    /**
     * The filter as a person reads it, with names instead of ids ("Department: Sales; Group:
     * Cohort A; Status: Overdue"), in the reader's language; empty when nothing is filtered.
     */
    public String describe(CompletionFilter f, Language language) {
        java.util.Locale locale = language.locale();
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.function.BiConsumer<String, Object> add = (key, value) -> {
            if (value != null) {
                parts.add(com.servicecraft.shared.web.Messages.text(locale, key) + ": " + value);
            }
        };
        add.accept("records.col.department", f.departmentId() == null ? null : name("department", f.departmentId()));
        add.accept("records.col.group", f.groupId() == null ? null : name("training_group", f.groupId()));
        add.accept("records.col.module", f.moduleId() == null ? null : shape(language).parts().stream()
                .filter(p -> p.id().equals(f.moduleId())).map(CourseShape.Part::title).findFirst().orElse(f.moduleId()));
        add.accept("records.col.status", f.status() == null ? null
                : com.servicecraft.shared.web.Messages.text(locale, "records.status." + f.status().code()));
        add.accept("records.completedFrom", f.completedFrom());
        add.accept("records.completedTo", f.completedTo());
        add.accept("records.updatedSince", f.updatedSince());
        return String.join("; ", parts);
    }

    @edu.umd.cs.findbugs.annotations.SuppressFBWarnings(value = {"SQL_INJECTION_JDBC"},
            justification = "table is a constant table name chosen by this class; the id is a bound parameter.")
    private String name(String table, long id) {
        try (var c = database.dataSource().getConnection();
             var ps = c.prepareStatement("SELECT name FROM " + table + " WHERE id = ?")) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "#" + id;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
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
