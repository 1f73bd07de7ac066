package com.servicecraft.identity.importing;

import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Department;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.TemporaryCredential;
import com.servicecraft.identity.TemporaryPasswords;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.identity.UserRules;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Bulk import of trainees. {@link #check} marks every row's problems; {@link #importAll} imports
 * all rows or none, and checks them again first (the database may have changed since the preview).
 */
@ApplicationScoped
public class TraineeImport {
    private final Transactions tx;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final CurrentUser currentUser;
    private final TemporaryPasswords temporaryPasswords;

    @Inject
    public TraineeImport(Transactions tx, PasswordHasher hasher, Clock clock, CurrentUser currentUser,
                         TemporaryPasswords temporaryPasswords) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
        this.currentUser = currentUser;
        this.temporaryPasswords = temporaryPasswords;
    }

    public List<ImportRow> check(List<ImportRow> rows) {
        currentUser.requireAny(Role.ADMIN);
        tx.read(em -> {
            checkIn(em, rows);
            return null;
        });
        return rows;
    }

    /**
     * Imports every row, or nothing when any row has a problem. Every trainee gets their own random
     * temporary password, which expires and must be changed at first sign-in; the returned
     * credentials (in file order) are the only place those passwords are ever seen.
     */
    public List<TemporaryCredential> importAll(List<ImportRow> rows) {
        currentUser.requireAny(Role.ADMIN);
        List<String> passwords = rows.stream().map(r -> temporaryPasswords.generate()).toList();
        List<String> hashes = passwords.stream().map(p -> hasher.hashRandomSecret(p.toCharArray())).toList();
        return tx.inTransaction(em -> {
            List<ImportRow> fresh = rows.stream().map(TraineeImport::copy).toList();
            checkIn(em, fresh);
            if (fresh.stream().anyMatch(r -> !r.isValid())) {
                throw new UserInputException("import.notClean");
            }
            Map<String, Department> departments = departmentsByName(em);
            Instant now = clock.instant();
            Instant expires = temporaryPasswords.expiry(now);
            List<TemporaryCredential> issued = new ArrayList<>(fresh.size());
            for (int i = 0; i < fresh.size(); i++) {
                ImportRow r = fresh.get(i);
                String hash = hashes.get(i);
                Department dept = r.getDepartment() == null ? null : departments.get(r.getDepartment().toLowerCase(Locale.ROOT));
                Language lang = r.getLanguage() == null ? Language.ZH_CN : Language.fromTag(r.getLanguage()).orElseThrow();
                User u = new User(new UserProfile(r.effectiveUsername(), r.getEmployeeNumber(), r.getDisplayName(),
                        r.getEmail(), dept, r.getJobTitle(), lang), EnumSet.of(Role.TRAINEE), hash, now);
                u.setTemporaryPasswordHash(hash, now, expires);
                em.persist(u);
                em.flush();
                issued.add(new TemporaryCredential(u.getId(), u.getUsername(), u.getEmployeeNumber(), u.getDisplayName(),
                        passwords.get(i), expires));
            }
            return issued;
        });
    }

    private static void checkIn(EntityManager em, List<ImportRow> rows) {
        Map<String, Department> departments = departmentsByName(em);
        Set<String> numbersInDb = lowerSet(em.createQuery("select u.employeeNumber from User u", String.class).getResultList());
        Set<String> namesInDb = lowerSet(em.createQuery("select u.username from User u", String.class).getResultList());
        // The first row with a number or name is fine; every later row repeating it is the mistake.
        Set<String> numbersSeen = new HashSet<>();
        Set<String> namesSeen = new HashSet<>();
        for (ImportRow r : rows) {
            if (r.getEmployeeNumber() == null) {
                r.addError("import.error.employeeNumberMissing");
            } else if (!UserRules.isEmployeeNumber(r.getEmployeeNumber())) {
                r.addError("import.error.employeeNumberBad");
            } else if (numbersInDb.contains(r.getEmployeeNumber().toLowerCase(Locale.ROOT))) {
                r.addError("import.error.employeeNumberExists");
            } else if (!numbersSeen.add(r.getEmployeeNumber().toLowerCase(Locale.ROOT))) {
                r.addError("import.error.employeeNumberDuplicate");
            }
            if (r.getDisplayName() == null) {
                r.addError("import.error.nameMissing");
            } else if (UserRules.hasControlCharacters(r.getDisplayName())) {
                r.addError("import.error.controlCharacters");
            }
            if (r.getEmail() == null) {
                r.addError("import.error.emailMissing");
            } else if (!UserRules.isEmail(r.getEmail())) {
                r.addError("import.error.emailBad");
            }
            if (r.getDepartment() != null && !departments.containsKey(r.getDepartment().toLowerCase(Locale.ROOT))) {
                r.addError("import.error.departmentUnknown");
            }
            if (r.getLanguage() != null && Language.fromTag(r.getLanguage()).isEmpty()) {
                r.addError("import.error.languageBad");
            }
            if (r.getUsername() != null || r.getEmployeeNumber() != null) {
                String name = r.effectiveUsername();
                if (!UserRules.isUsername(name)) {
                    r.addError("import.error.usernameBad");
                } else if (namesInDb.contains(name.toLowerCase(Locale.ROOT)) && !r.getErrors().contains("import.error.employeeNumberExists")) {
                    r.addError("import.error.usernameExists");
                } else if (!namesSeen.add(name.toLowerCase(Locale.ROOT)) && r.getUsername() != null) {
                    r.addError("import.error.usernameDuplicate");
                }
            }
        }
    }

    private static Map<String, Department> departmentsByName(EntityManager em) {
        Map<String, Department> m = new HashMap<>();
        em.createQuery("select d from Department d", Department.class).getResultList()
                .forEach(d -> m.put(d.getName().toLowerCase(Locale.ROOT), d));
        return m;
    }

    private static Set<String> lowerSet(List<String> values) {
        Set<String> s = new HashSet<>();
        values.forEach(v -> s.add(v.toLowerCase(Locale.ROOT)));
        return s;
    }

    private static ImportRow copy(ImportRow r) {
        return new ImportRow(r.getLine(), r.getEmployeeNumber(), r.getDisplayName(), r.getEmail(), r.getDepartment(),
                r.getJobTitle(), r.getLanguage(), r.getUsername());
    }
}
