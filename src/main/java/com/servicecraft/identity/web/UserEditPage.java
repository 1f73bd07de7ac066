package com.servicecraft.identity.web;

import com.servicecraft.identity.DepartmentRow;
import com.servicecraft.identity.DepartmentService;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.TemporaryCredential;
import com.servicecraft.identity.UserForm;
import com.servicecraft.identity.UserService;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.web.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
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
    /** The temporary password just issued: shown once, gone with the view. */
    private List<TemporaryCredential> credentials = List.of();

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
                credentials = List.of(users.create(form));
                Messages.info("user.created", form.getUsername());
                // Stay here so the administrator sees the password once; the page now edits the new user.
                id = credentials.get(0).userId();
                onLoad();
                return null;
            } else {
                users.update(form);
                Messages.info("user.saved", form.getUsername());
            }
            return "/admin/users?faces-redirect=true";
        } catch (UserInputException e) {
            // The form's inputs have the ids of UserForm's properties, the field paths UserRules names.
            Messages.error(e, field -> "userForm:" + field);
            return null;
        }
    }

    /** Replaces the user's password with a new temporary one, shown once below the form. */
    public void issuePassword() {
        try {
            credentials = List.of(users.issueTemporaryPassword(id));
            Messages.info("user.passwordIssued", credentials.get(0).username());
        } catch (UserInputException e) {
            Messages.error(e);
        }
    }

    public void downloadCredentials() throws IOException {
        CredentialDownload.send(credentials);
    }

    public List<TemporaryCredential> getCredentials() { return credentials; }
    public boolean isExisting() { return form != null && form.getId() != null; }
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
