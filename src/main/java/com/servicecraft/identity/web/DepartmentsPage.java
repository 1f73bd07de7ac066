package com.servicecraft.identity.web;

import com.servicecraft.identity.DepartmentRow;
import com.servicecraft.identity.DepartmentService;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Departments: add, rename inline, delete when empty. */
@Named
@ViewScoped
public class DepartmentsPage implements Serializable {
    @Inject
    DepartmentService departments;

    private List<DepartmentRow> rows;
    private final Map<Long, String> names = new HashMap<>();
    private String newName;

    public void onLoad() {
        reload();
    }

    private void reload() {
        rows = departments.list();
        names.clear();
        rows.forEach(r -> names.put(r.id(), r.name()));
    }

    /** Which input each refusal of {@link #add} is about. */
    public static final java.util.Map<String, String> INPUT_OF_REFUSAL = java.util.Map.of(
            "department.nameRequired", "deptForm:newName", "department.nameTaken", "deptForm:newName");

    public void add() {
        try {
            departments.create(newName);
            Messages.info("department.created", newName.trim());
            newName = null;
        } catch (UserInputException e) {
            Messages.error(e, INPUT_OF_REFUSAL);
        }
        reload();
    }

    public void rename(DepartmentRow row) {
        String name = names.get(row.id());
        try {
            departments.rename(row.id(), name);
            Messages.info("department.saved", name);
        } catch (UserInputException e) {
            Messages.error(e);
        }
        reload();
    }

    public void delete(DepartmentRow row) {
        try {
            departments.delete(row.id());
            Messages.info("department.deleted", row.name());
        } catch (UserInputException e) {
            Messages.error(e);
        }
        reload();
    }

    public List<DepartmentRow> getRows() { return rows; }
    public Map<Long, String> getNames() { return names; }
    public String getNewName() { return newName; }
    public void setNewName(String newName) { this.newName = newName; }
}
