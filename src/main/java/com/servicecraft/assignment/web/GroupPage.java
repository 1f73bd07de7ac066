package com.servicecraft.assignment.web;

import com.servicecraft.assignment.Assignment;
import com.servicecraft.assignment.AssignmentService;
import com.servicecraft.assignment.GroupService;
import com.servicecraft.content.ContentRepository;
import com.servicecraft.content.CourseModule;
import com.servicecraft.identity.DepartmentRow;
import com.servicecraft.identity.DepartmentService;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.LocaleSwitch;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One group: its name, members (add by search, department or file; remove) and assignments
 * (assign modules or the course to the group or one member; change dates; withdraw; history).
 */
@Named
@ViewScoped
public class GroupPage implements Serializable {
    /** The choice that stands for the whole course among the modules. */
    public static final String COURSE = "course";

    @Inject
    GroupService groups;
    @Inject
    AssignmentService assignments;
    @Inject
    DepartmentService departments;
    @Inject
    ContentRepository content;
    @Inject
    LocaleSwitch locale;

    private long id;
    private GroupService.GroupRow group;
    private List<GroupService.TraineeRow> members = List.of();
    private List<AssignmentService.AssignmentRow> groupAssignments = List.of();
    private List<AssignmentService.AssignmentRow> individual = List.of();
    private String name;
    private String description;
    private String search;
    private List<GroupService.TraineeRow> found = List.of();
    private Long departmentId;
    private GroupService.ImportResult importResult;
    private List<String> modules = new ArrayList<>();
    private String target = "";
    private LocalDate startDate;
    private LocalDate dueDate;
    private Long historyOf;
    private List<AssignmentService.EventRow> history = List.of();
    private Long changing;
    private LocalDate newStart;
    private LocalDate newDue;
    private String note;

    public void onLoad() {
        group = groups.group(id);
        name = group.name();
        description = group.description();
        startDate = assignments.today();
        reload();
    }

    private void reload() {
        group = groups.group(id);
        members = groups.members(id);
        groupAssignments = assignments.ofGroup(id);
        individual = assignments.individualOfGroupMembers(id);
    }

    public void save() {
        try {
            groups.update(id, name, description);
            Messages.info("group.saved");
            reload();
        } catch (UserInputException e) {
            Messages.error(e, field -> "groupForm:" + field);
        }
    }

    public void find() {
        found = groups.searchTrainees(search);
        if (found.isEmpty()) {
            Messages.info("group.nobodyFound");
        }
    }

    public void add(long userId) {
        added(() -> groups.addMembers(id, List.of(userId)));
    }

    public void addAllFound() {
        added(() -> groups.addMembers(id, found.stream().map(GroupService.TraineeRow::id).toList()));
    }

    public void addDepartment() {
        if (departmentId == null) {
            Messages.errorAt("departmentForm:department", "group.departmentRequired");
            return;
        }
        added(() -> groups.addDepartment(id, departmentId));
    }

    private void added(java.util.function.Supplier<GroupService.AddResult> action) {
        try {
            GroupService.AddResult r = action.get();
            Messages.info("group.membersAdded", r.added(), r.alreadyMembers());
            reload();
        } catch (UserInputException e) {
            Messages.error(e);
        }
    }

    public void upload(FileUploadEvent event) {
        try (InputStream in = event.getFile().getInputStream()) {
            importResult = groups.importMembers(id, event.getFile().getFileName(), in);
            if (importResult.ok()) {
                Messages.info("group.membersAdded", importResult.added(), importResult.alreadyMembers());
                reload();
            } else {
                Messages.error("group.import.refused", importResult.problems().size());
            }
        } catch (UserInputException e) {
            importResult = null;
            Messages.error(e);
        } catch (IOException e) {
            importResult = null;
            Messages.error("import.unreadableFile");
        }
    }

    /** Archives the group and goes back to the list, which offers to restore it. */
    public String archive() {
        groups.archive(id);
        Messages.info("group.archived", group.name());
        return "/trainer/groups?faces-redirect=true";
    }

    public void remove(long userId) {
        try {
            groups.removeMember(id, userId);
            Messages.info("group.memberRemoved");
            reload();
        } catch (UserInputException e) {
            Messages.error(e);
        }
    }

    public void assign() {
        try {
            List<String> ids = modules.stream().map(m -> COURSE.equals(m) ? null : m).toList();
            List<Long> created = target == null || target.isEmpty()
                    ? assignments.assignToGroup(id, ids, startDate, dueDate)
                    : assignments.assignToTrainee(Long.parseLong(target), ids, startDate, dueDate);
            Messages.info("assignment.created", created.size());
            modules = new ArrayList<>();
            reload();
        } catch (UserInputException e) {
            Messages.error(e, field -> switch (field) {
                case Assignment.START -> "assignForm:start";
                case Assignment.DUE -> "assignForm:due";
                case AssignmentService.MODULES -> "assignForm:modules";
                default -> null;
            });
        }
    }

    public void startChange(long assignmentId) {
        changing = assignmentId;
        AssignmentService.AssignmentRow row = java.util.stream.Stream.concat(groupAssignments.stream(), individual.stream())
                .filter(r -> r.id() == assignmentId).findFirst().orElse(null);
        newStart = row == null ? null : row.startDate();
        newDue = row == null ? null : row.dueDate();
        note = null;
    }

    public void reschedule() {
        try {
            assignments.reschedule(changing, newStart, newDue, note);
            Messages.info("assignment.changed");
            changing = null;
            reload();
        } catch (UserInputException e) {
            Messages.error(e, field -> switch (field) {
                case Assignment.START -> "changeForm:newStart";
                case Assignment.DUE -> "changeForm:newDue";
                default -> null;
            });
        }
    }

    public void withdraw() {
        try {
            assignments.withdraw(changing, note);
            Messages.info("assignment.withdrawnDone");
            changing = null;
            reload();
        } catch (UserInputException e) {
            Messages.error(e);
        }
    }

    public void showHistory(long assignmentId) {
        historyOf = assignmentId;
        history = assignments.history(assignmentId);
    }

    public List<SelectItem> getModuleChoices() {
        List<SelectItem> items = new ArrayList<>();
        if (content.course() != null) {
            items.add(new SelectItem(COURSE, Messages.text("assignment.wholeCourse", content.course().title().in(locale.current()))));
            for (CourseModule m : content.course().modules()) {
                items.add(new SelectItem(m.id(), m.title().in(locale.current())));
            }
        }
        return items;
    }

    public List<SelectItem> getTargets() {
        List<SelectItem> items = new ArrayList<>();
        items.add(new SelectItem("", Messages.text("assignment.toGroup")));
        members.forEach(m -> items.add(new SelectItem(String.valueOf(m.id()), m.displayName() + " (" + m.employeeNumber() + ")")));
        return items;
    }

    public List<DepartmentRow> getDepartments() {
        return departments.list();
    }

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public GroupService.GroupRow getGroup() { return group; }
    public List<GroupService.TraineeRow> getMembers() { return members; }
    public List<AssignmentService.AssignmentRow> getGroupAssignments() { return groupAssignments; }
    public List<AssignmentService.AssignmentRow> getIndividual() { return individual; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getSearch() { return search; }
    public void setSearch(String search) { this.search = search; }
    public List<GroupService.TraineeRow> getFound() { return found; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public GroupService.ImportResult getImportResult() { return importResult; }
    public List<String> getModules() { return modules; }
    public void setModules(List<String> modules) { this.modules = modules; }
    public String getTarget() { return target; }
    public void setTarget(String target) { this.target = target; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
    public LocalDate getDueDate() { return dueDate; }
    public void setDueDate(LocalDate dueDate) { this.dueDate = dueDate; }
    public Long getHistoryOf() { return historyOf; }
    public List<AssignmentService.EventRow> getHistory() { return history; }
    public Long getChanging() { return changing; }
    public LocalDate getNewStart() { return newStart; }
    public void setNewStart(LocalDate newStart) { this.newStart = newStart; }
    public LocalDate getNewDue() { return newDue; }
    public void setNewDue(LocalDate newDue) { this.newDue = newDue; }
    public String getNote() { return note; }
    public void setNote(String note) { this.note = note; }
}
