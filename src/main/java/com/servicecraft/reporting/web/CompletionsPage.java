package com.servicecraft.reporting.web;

import com.servicecraft.learning.CourseShape;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.DepartmentService;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.reporting.CompletionFilter;
import com.servicecraft.reporting.CompletionQuery;
import com.servicecraft.reporting.CompletionRecord;
import com.servicecraft.reporting.CompletionRecords;
import com.servicecraft.reporting.CompletionStatus;
import com.servicecraft.reporting.Viewer;
import com.servicecraft.shared.web.Chart;
import com.servicecraft.shared.web.ChartJson;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * HR → Completion records: filters, a lazily loaded sortable preview with totals, a completion
 * chart per department and the export links (which carry the same filter to the export servlet).
 */
@Named
@ViewScoped
public class CompletionsPage implements Serializable {
    private static final Map<String, CompletionQuery.SortField> SORTS = Map.of(
            "employeeNumber", CompletionQuery.SortField.EMPLOYEE_NUMBER, "name", CompletionQuery.SortField.NAME,
            "department", CompletionQuery.SortField.DEPARTMENT, "group", CompletionQuery.SortField.GROUP,
            "moduleTitle", CompletionQuery.SortField.MODULE, "dueDate", CompletionQuery.SortField.DUE,
            "status", CompletionQuery.SortField.STATUS, "completedAt", CompletionQuery.SortField.COMPLETED_AT,
            "bestScore", CompletionQuery.SortField.BEST_SCORE, "attempts", CompletionQuery.SortField.ATTEMPTS);

    @Inject
    CompletionRecords records;
    @Inject
    CurrentUser currentUser;
    @Inject
    DepartmentService departmentService;
    @Inject
    LocaleSwitch localeSwitch;

    private Long departmentId;
    private Long groupId;
    private String moduleId;
    private CompletionStatus status;
    private LocalDate from;
    private LocalDate to;
    private Map<CompletionStatus, Long> totals = Map.of();
    private Chart chart;
    private List<CompletionRecords.Option> departments;
    private List<CompletionRecords.GroupOption> groups;
    private List<CourseShape.Part> modules;

    private final LazyDataModel<CompletionRecord> model = new LazyDataModel<>() {
        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) Math.min(Integer.MAX_VALUE, totals.values().stream().mapToLong(Long::longValue).sum());
        }

        @Override
        public List<CompletionRecord> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            CompletionQuery.SortField sort = null;
            boolean descending = false;
            for (SortMeta m : sortBy.values()) {
                sort = SORTS.get(m.getField());
                descending = m.getOrder() == SortOrder.DESCENDING;
                if (sort != null) {
                    break;
                }
            }
            try {
                return records.query().list(request(), sort, descending, first, pageSize);
            } catch (AccessDeniedException e) {
                return List.of();
            }
        }

        @Override
        public String getRowKey(CompletionRecord row) {
            return row.userId() + ":" + row.moduleId();
        }
    };

    public void onLoad() {
        SignedInUser me = currentUser.requireAny(Role.HR, Role.ADMIN);
        Set<Long> visible = records.visibleDepartments(viewer(me));
        departments = departmentService.list().stream().filter(d -> visible == null || visible.contains(d.id()))
                .map(d -> new CompletionRecords.Option(d.id(), d.name())).toList();
        groups = records.groups();
        modules = records.shape(localeSwitch.current()).parts();
        apply();
    }

    /** Recomputes totals and chart for the current filter; the table reloads its page. */
    public void apply() {
        try {
            CompletionQuery.Request req = request();
            totals = records.query().totals(req);
            var byDepartment = records.query().byDepartment(req);
            chart = ChartJson.percentBars(Messages.text("records.chart.title"), byDepartment.stream().map(s -> s.label().isEmpty() ? Messages.text("records.none") : s.label()).toList(),
                    byDepartment.stream().map(CompletionQuery.Summary::percentCompleted).toList(), Messages.text("records.chart.title"), true);
        } catch (AccessDeniedException e) {
            totals = Map.of();
            chart = null;
            Messages.error("records.outOfScope");
        }
    }

    public void reset() {
        departmentId = null;
        groupId = null;
        moduleId = null;
        status = null;
        from = null;
        to = null;
        apply();
    }

    private Viewer viewer(SignedInUser me) {
        return new Viewer(me.id(), me.username(), me.hasRole(Role.ADMIN));
    }

    private CompletionQuery.Request request() {
        return records.request(viewer(currentUser.require()), filter(), localeSwitch.current());
    }

    CompletionFilter filter() {
        return new CompletionFilter(departmentId, groupId, moduleId, status, from, to, null);
    }

    /** The export link's query string: the same filter as the preview. */
    public String exportQuery(String format) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("format", format);
        p.put("department", departmentId);
        p.put("group", groupId);
        p.put("module", moduleId);
        p.put("status", status == null ? null : status.code());
        p.put("from", from);
        p.put("to", to);
        StringBuilder b = new StringBuilder();
        p.forEach((k, v) -> {
            if (v != null) {
                b.append(b.isEmpty() ? "" : "&").append(k).append('=').append(URLEncoder.encode(v.toString(), StandardCharsets.UTF_8));
            }
        });
        return b.toString();
    }

    public long getTotal() {
        return totals.values().stream().mapToLong(Long::longValue).sum();
    }

    public long total(CompletionStatus s) {
        return totals.getOrDefault(s, 0L);
    }

    public LazyDataModel<CompletionRecord> getModel() { return model; }
    public CompletionStatus[] getStatuses() { return CompletionStatus.values(); }
    public Chart getChart() { return chart; }
    public List<CompletionRecords.Option> getDepartments() { return departments; }
    public List<CompletionRecords.GroupOption> getGroups() { return groups; }
    public List<CourseShape.Part> getModules() { return modules; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public Long getGroupId() { return groupId; }
    public void setGroupId(Long groupId) { this.groupId = groupId; }
    public String getModuleId() { return moduleId; }
    public void setModuleId(String moduleId) { this.moduleId = moduleId; }
    public CompletionStatus getStatus() { return status; }
    public void setStatus(CompletionStatus status) { this.status = status; }
    public LocalDate getFrom() { return from; }
    public void setFrom(LocalDate from) { this.from = from; }
    public LocalDate getTo() { return to; }
    public void setTo(LocalDate to) { this.to = to; }
}
