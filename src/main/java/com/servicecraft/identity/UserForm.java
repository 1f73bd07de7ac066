package com.servicecraft.identity;

import com.servicecraft.shared.Language;
import java.util.EnumSet;
import java.util.Set;

/** What an administrator fills in to create or edit a user. */
public class UserForm {
    private Long id;
    private String username;
    private String employeeNumber;
    private String displayName;
    private String email;
    private Long departmentId;
    private String jobTitle;
    private Language language = Language.ZH_CN;
    private Set<Role> roles = EnumSet.of(Role.TRAINEE);
    private boolean active = true;

    public static UserForm of(User u) {
        UserForm f = new UserForm();
        f.id = u.getId();
        f.username = u.getUsername();
        f.employeeNumber = u.getEmployeeNumber();
        f.displayName = u.getDisplayName();
        f.email = u.getEmail();
        f.departmentId = u.getDepartment() == null ? null : u.getDepartment().getId();
        f.jobTitle = u.getJobTitle();
        f.language = u.getPreferredLanguage();
        f.roles = u.getRoles();
        f.active = u.isActive();
        return f;
    }

    /**
     * True while the user does not exist yet. Not {@code isNew()}: {@code new} is a Java keyword,
     * which the Expression Language of {@code mvn jetty:run-war} (Jasper's) refuses as a property name.
     */
    public boolean isNewUser() {
        return id == null;
    }

    public Long getId() { return id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getEmployeeNumber() { return employeeNumber; }
    public void setEmployeeNumber(String employeeNumber) { this.employeeNumber = employeeNumber; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public Long getDepartmentId() { return departmentId; }
    public void setDepartmentId(Long departmentId) { this.departmentId = departmentId; }
    public String getJobTitle() { return jobTitle; }
    public void setJobTitle(String jobTitle) { this.jobTitle = jobTitle; }
    public Language getLanguage() { return language; }
    public void setLanguage(Language language) { this.language = language; }
    public Set<Role> getRoles() { return roles; }
    public void setRoles(Set<Role> roles) { this.roles = roles; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
