package com.servicecraft.identity.web;

import com.servicecraft.identity.DepartmentRow;
import com.servicecraft.identity.DepartmentService;
import com.servicecraft.identity.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.UserForm;
import com.servicecraft.identity.UserService;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/** Create or edit one user: profile, roles, active flag and a temporary password. */
@Named
@ViewScoped
public class UserEditPage implements Serializable {
    @Inject
    UserService users;
    @Inject
    DepartmentService departments;
    @Inject
    com.servicecraft.identity.HrScopeService hrScopes;

    private Long id;
    private UserForm form;
    private List<DepartmentRow> departmentList;
    private List<Role> selectedRoles = new ArrayList<>();
    private List<Long> scopeDepartments = new ArrayList<>();

    public void onLoad() {
        form = id == null ? new UserForm() : users.load(id);
        selectedRoles = new ArrayList<>(form.getRoles());
        departmentList = departments.list();
        scopeDepartments = id == null ? new ArrayList<>() : new ArrayList<>(hrScopes.departmentsOf(id));
    }

    /** Saves which departments this HR officer sees (none ticked: all departments). */
    public void saveScope() {
        hrScopes.setScope(id, scopeDepartments);
        Messages.info("user.scopeSaved");
    }

    public String delete() {
        try {
            users.deletePseudonymizing(id);
            Messages.info("user.deleted");
            return "/admin/users?faces-redirect=true";
        } catch (UserInputException e) {
            Messages.error(e);
            return null;
        }
    }

    public String save() {
        try {
            form.setRoles(selectedRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(selectedRoles));
            if (form.isNewUser()) {
                users.create(form);
                Messages.info("user.created", form.getUsername());
            } else {
                users.update(form);
                Messages.info("user.saved", form.getUsername());
            }
            return "/admin/users?faces-redirect=true";
        } catch (UserInputException e) {
            Messages.error(e);
            return null;
        }
    }

    public boolean isHrOfficer() { return form != null && !form.isNewUser() && form.getRoles().contains(Role.HR); }
    public List<Long> getScopeDepartments() { return scopeDepartments; }
    public void setScopeDepartments(List<Long> scopeDepartments) { this.scopeDepartments = scopeDepartments; }
    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public UserForm getForm() { return form; }
    public List<DepartmentRow> getDepartmentList() { return departmentList; }
    public Role[] getAllRoles() { return Role.values(); }
    public Language[] getLanguages() { return Language.values(); }
    public List<Role> getSelectedRoles() { return selectedRoles; }
    public void setSelectedRoles(List<Role> selectedRoles) { this.selectedRoles = selectedRoles; }
}
