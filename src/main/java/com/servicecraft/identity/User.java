package com.servicecraft.identity;

import com.servicecraft.shared.Language;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person who signs in. Invariants: at least one role; the password is only ever held as a
 * hash ({@link PasswordHasher}); a deactivated user cannot sign in but keeps all records.
 */
@Entity
@Table(name = "app_user")
public class User {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 64)
    private String username;

    @Column(name = "employee_number", nullable = false, length = 32)
    private String employeeNumber;

    @Column(name = "display_name", nullable = false, length = 120)
    private String displayName;

    @Column(nullable = false, length = 254)
    private String email;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "department_id")
    private Department department;

    @Column(name = "job_title", length = 120)
    private String jobTitle;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_language", nullable = false, length = 8)
    private Language preferredLanguage;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "email_notifications", nullable = false)
    private boolean emailNotifications;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(name = "password_changed_at", nullable = false)
    private Instant passwordChangedAt;

    @Column(name = "password_must_change", nullable = false)
    private boolean passwordMustChange;

    /** When a temporary password stops working; null for a password the person chose. */
    @Column(name = "temp_password_expires_at")
    private Instant temporaryPasswordExpiresAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 16)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    protected User() {
    }

    public User(UserProfile profile, Set<Role> roles, String passwordHash, Instant now) {
        this.username = profile.username();
        this.createdAt = now;
        this.active = true;
        this.emailNotifications = true;
        setPasswordHash(passwordHash, now);
        update(profile, now);
        assignRoles(roles, now);
    }

    /** Replaces the editable profile fields (the user name never changes). */
    public void update(UserProfile profile, Instant now) {
        this.employeeNumber = profile.employeeNumber();
        this.displayName = profile.displayName();
        this.email = profile.email();
        this.department = profile.department();
        this.jobTitle = profile.jobTitle();
        this.preferredLanguage = profile.language();
        this.updatedAt = now;
    }

    public void assignRoles(Set<Role> newRoles, Instant now) {
        if (newRoles == null || newRoles.isEmpty()) {
            throw new IllegalArgumentException("user.roleRequired");
        }
        this.roles.clear();
        this.roles.addAll(newRoles);
        this.updatedAt = now;
    }

    /**
     * A one-time password issued by somebody else (an administrator, an import): it works until
     * {@code expiresAt}, and the user must replace it at first sign-in.
     */
    public void setTemporaryPasswordHash(String hash, Instant now, Instant expiresAt) {
        setPasswordHash(hash, now);
        this.passwordMustChange = true;
        this.temporaryPasswordExpiresAt = expiresAt;
    }

    /** True when the password is a temporary one whose time has run out: it no longer signs in. */
    public boolean isTemporaryPasswordExpired(Instant now) {
        return passwordMustChange && temporaryPasswordExpiresAt != null && !now.isBefore(temporaryPasswordExpiresAt);
    }

    public Instant getTemporaryPasswordExpiresAt() {
        return temporaryPasswordExpiresAt;
    }

    public void setPasswordHash(String hash, Instant now) {
        this.passwordMustChange = false;
        this.temporaryPasswordExpiresAt = null;
        if (hash == null || !hash.startsWith(PasswordHasher.PREFIX)) {
            throw new IllegalArgumentException("Only hashed passwords are stored");
        }
        this.passwordHash = hash;
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    public void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    /**
     * Deletion that keeps the records: every personal field is replaced by a pseudonym derived
     * from the id, the account is closed for good; department and roles stay for statistics.
     * The password is replaced by {@code unusableHash} so that nobody can sign in.
     */
    public void pseudonymize(String unusableHash, Instant now) {
        if (deletedAt != null) {
            return;
        }
        this.username = "deleted-" + id;
        this.employeeNumber = "DEL-" + id;
        this.displayName = "#" + id;
        this.email = "deleted-" + id + "@invalid.invalid";
        this.jobTitle = null;
        this.emailNotifications = false;
        this.active = false;
        setPasswordHash(unusableHash, now);
        this.deletedAt = now;
        this.updatedAt = now;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    public void activate(Instant now) {
        if (deletedAt != null) {
            throw new IllegalStateException("A deleted user stays deleted");
        }
        this.active = true;
        this.updatedAt = now;
    }

    public void setEmailNotifications(boolean on, Instant now) {
        this.emailNotifications = on;
        this.updatedAt = now;
    }

    public void setPreferredLanguage(Language language, Instant now) {
        this.preferredLanguage = language;
        this.updatedAt = now;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmployeeNumber() {
        return employeeNumber;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public Department getDepartment() {
        return department;
    }

    public String getJobTitle() {
        return jobTitle;
    }

    public Language getPreferredLanguage() {
        return preferredLanguage;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isEmailNotifications() {
        return emailNotifications;
    }

    public boolean isPasswordMustChange() {
        return passwordMustChange;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return EnumSet.copyOf(roles.isEmpty() ? EnumSet.noneOf(Role.class) : roles);
    }

    public long getVersion() {
        return version;
    }
}
