package com.servicecraft.identity;

import com.servicecraft.shared.Language;
import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Administration of people and departments. Every method checks that the caller is an
 * administrator (the pages are guarded too, but a service never trusts its caller).
 */
@ApplicationScoped
public class UserService {
    private final Transactions tx;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final TemporaryPasswords temporaryPasswords;

    @Inject
    public UserService(Transactions tx, PasswordHasher hasher, Clock clock, CurrentUser currentUser,
                       TemporaryPasswords temporaryPasswords) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
        this.currentUser = currentUser;
        this.temporaryPasswords = temporaryPasswords;
    }

    /** One page of users matching a free-text query (name, user name, employee number, e-mail). */
    public List<UserRow> search(String query, Role role, boolean includeInactive, int first, int max) {
        requireAdmin();
        return tx.read(em -> searchQuery(em, query, role, includeInactive, UserRow.class,
                "select new com.servicecraft.identity.UserRow(u.id, u.username, u.employeeNumber, u.displayName, u.email, d.name, u.jobTitle, u.active) ")
                .setFirstResult(first).setMaxResults(max).getResultList());
    }

    public long count(String query, Role role, boolean includeInactive) {
        requireAdmin();
        return tx.read(em -> searchQuery(em, query, role, includeInactive, Long.class, "select count(u) ").getSingleResult());
    }

    private static <T> TypedQuery<T> searchQuery(EntityManager em, String query, Role role, boolean includeInactive,
                                                 Class<T> type, String select) {
        StringBuilder jpql = new StringBuilder(select).append("from User u left join u.department d where 1 = 1");
        if (!includeInactive) {
            jpql.append(" and u.active = true");
        }
        if (role != null) {
            jpql.append(" and :role member of u.roles");
        }
        boolean hasQuery = query != null && !query.isBlank();
        if (hasQuery) {
            jpql.append(" and (lower(u.displayName) like :q or lower(u.username) like :q"
                    + " or lower(u.employeeNumber) like :q or lower(u.email) like :q)");
        }
        if (type != Long.class) {
            jpql.append(" order by u.displayName, u.id");
        }
        TypedQuery<T> q = em.createQuery(jpql.toString(), type);
        if (role != null) {
            q.setParameter("role", role);
        }
        if (hasQuery) {
            q.setParameter("q", "%" + query.trim().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return q;
    }

    public UserForm load(long id) {
        requireAdmin();
        return tx.read(em -> Optional.ofNullable(em.find(User.class, id)).map(UserForm::of)
                .orElseThrow(() -> new UserInputException("user.notFound")));
    }

    /**
     * Creates a user with their own random temporary password, which expires and must be changed at
     * first sign-in. The returned credential is the only place the password is ever seen.
     */
    public TemporaryCredential create(UserForm form) {
        requireAdmin();
        UserRules.check(form);
        String password = temporaryPasswords.generate();
        String hash = hasher.hashRandomSecret(password.toCharArray());
        return tx.inTransaction(em -> {
            Instant now = clock.instant();
            Instant expires = temporaryPasswords.expiry(now);
            checkUnique(em, form.getUsername(), form.getEmployeeNumber(), null);
            User user = new User(profile(em, form), form.getRoles(), hash, now);
            user.setTemporaryPasswordHash(hash, now, expires);
            em.persist(user);
            em.flush();
            return credentialOf(user, password, expires);
        });
    }

    /**
     * Gives a user a new random temporary password (the old one, temporary or own, stops working).
     * The returned credential is the only place the password is ever seen.
     */
    public TemporaryCredential issueTemporaryPassword(long id) {
        requireAdmin();
        String password = temporaryPasswords.generate();
        String hash = hasher.hashRandomSecret(password.toCharArray());
        return tx.inTransaction(em -> {
            Instant now = clock.instant();
            User user = Optional.ofNullable(em.find(User.class, id)).orElseThrow(() -> new UserInputException("user.notFound"));
            if (user.isDeleted()) {
                throw new UserInputException("user.deletedStays");
            }
            Instant expires = temporaryPasswords.expiry(now);
            user.setTemporaryPasswordHash(hash, now, expires);
            return credentialOf(user, password, expires);
        });
    }

    static TemporaryCredential credentialOf(User u, String password, Instant expires) {
        return new TemporaryCredential(u.getId(), u.getUsername(), u.getEmployeeNumber(), u.getDisplayName(), password, expires);
    }

    public void update(UserForm form) {
        SignedInUser admin = requireAdmin();
        UserRules.check(form);
        if (form.getId() == admin.id() && (!form.isActive() || !form.getRoles().contains(Role.ADMIN))) {
            throw new UserInputException("user.cannotDemoteSelf");
        }
        tx.run(em -> {
            Instant now = clock.instant();
            User user = Optional.ofNullable(em.find(User.class, form.getId()))
                    .orElseThrow(() -> new UserInputException("user.notFound"));
            if (user.isDeleted()) {
                throw new UserInputException("user.deletedStays");
            }
            checkUnique(em, user.getUsername(), form.getEmployeeNumber(), user.getId());
            form.setUsername(user.getUsername()); // the user name never changes, whatever the form says
            user.update(profile(em, form), now);
            user.assignRoles(form.getRoles(), now);
            if (form.isActive()) {
                user.activate(now);
            } else {
                user.deactivate(now);
            }
        });
    }

    /**
     * Deletes a user the way audits need it: personal fields pseudonymized, the account closed,
     * the records (progress, attempts, completions, certificates) kept under the pseudonym.
     */
    public void deletePseudonymizing(long id) {
        SignedInUser admin = requireAdmin();
        if (id == admin.id()) {
            throw new UserInputException("user.cannotDeleteSelf");
        }
        char[] random = java.util.UUID.randomUUID().toString().toCharArray();
        String unusable = hasher.hash(random);
        tx.run(em -> {
            User user = Optional.ofNullable(em.find(User.class, id)).orElseThrow(() -> new UserInputException("user.notFound"));
            user.pseudonymize(unusable, clock.instant());
            em.createNativeQuery("DELETE FROM hr_scope WHERE user_id = ?").setParameter(1, id).executeUpdate();
        });
    }

    public void changeOwnPassword(String currentPassword, String newPassword) {
        SignedInUser me = currentUser.require();
        // Each refusal names its field ("current", "newPassword"): the page shows it next to that input.
        try {
            PasswordPolicy.check(newPassword, me.username());
        } catch (UserInputException e) {
            throw new UserInputException(List.of(new FieldProblem("newPassword", e.messageKey(), e.arguments())));
        }
        if (newPassword.equals(currentPassword)) {
            throw new UserInputException(List.of(new FieldProblem("newPassword", "password.sameAsOld")));
        }
        User user = tx.read(em -> em.find(User.class, me.id()));
        if (user == null || !hasher.matches(currentPassword == null ? new char[0] : currentPassword.toCharArray(), user.getPasswordHash())) {
            throw new UserInputException(List.of(new FieldProblem("current", "password.currentWrong")));
        }
        String hash = hasher.hash(newPassword.toCharArray());
        tx.run(em -> em.find(User.class, me.id()).setPasswordHash(hash, clock.instant()));
    }

    public void setOwnPreferences(Language language, boolean emailNotifications) {
        SignedInUser me = currentUser.require();
        tx.run(em -> {
            User u = em.find(User.class, me.id());
            u.setPreferredLanguage(language, clock.instant());
            u.setEmailNotifications(emailNotifications, clock.instant());
        });
    }

    public Optional<User> findSelf() {
        return currentUser.get().map(me -> tx.read(em -> em.find(User.class, me.id())));
    }

    static void checkUnique(EntityManager em, String username, String employeeNumber, Long exceptId) {
        Long otherId = exceptId == null ? Long.valueOf(-1L) : exceptId;
        long sameName = em.createQuery("select count(u) from User u where lower(u.username) = :n and u.id <> :id", Long.class)
                .setParameter("n", username.trim().toLowerCase(Locale.ROOT)).setParameter("id", otherId).getSingleResult();
        if (sameName > 0) {
            throw new UserInputException(List.of(new FieldProblem("username", "user.usernameTaken", username)));
        }
        long sameNumber = em.createQuery("select count(u) from User u where u.employeeNumber = :e and u.id <> :id", Long.class)
                .setParameter("e", employeeNumber.trim()).setParameter("id", otherId).getSingleResult();
        if (sameNumber > 0) {
            throw new UserInputException(List.of(new FieldProblem("employeeNumber", "user.employeeNumberTaken", employeeNumber)));
        }
    }

    static UserProfile profile(EntityManager em, UserForm f) {
        Department dept = f.getDepartmentId() == null ? null : em.find(Department.class, f.getDepartmentId());
        if (f.getDepartmentId() != null && dept == null) {
            throw new UserInputException(List.of(new FieldProblem("department", "department.notFound")));
        }
        return new UserProfile(f.getUsername().trim(), f.getEmployeeNumber().trim(), f.getDisplayName().trim(),
                f.getEmail().trim(), dept, UserRules.trim(f.getJobTitle()), f.getLanguage());
    }

    private SignedInUser requireAdmin() {
        return currentUser.requireAny(Role.ADMIN);
    }
}
