package com.servicecraft.identity;

import com.servicecraft.shared.Language;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The first administrator. An empty database has no accounts at all: the setup page (or
 * {@code SERVICECRAFT_ADMIN_PASSWORD}) creates one, exactly once, even if two people try at once.
 */
@ApplicationScoped
public class FirstRunSetup {
    private static final Logger LOG = Logger.getLogger(FirstRunSetup.class.getName());

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Once set up, always set up: only the "done" answer is remembered. */
    private final AtomicBoolean done = new AtomicBoolean();

    @Inject
    public FirstRunSetup(Transactions tx, PasswordHasher hasher, Clock clock) {
        this.tx = tx;
        this.hasher = hasher;
        this.clock = clock;
    }

    public boolean isSetUp() {
        if (done.get()) {
            return true;
        }
        boolean marked = tx.read(em -> em.createNativeQuery("select count(*) from setup_marker")
                .getSingleResult() instanceof Number n && n.longValue() > 0);
        if (marked) {
            done.set(true);
        }
        return marked;
    }

    /** Creates the first administrator from the setup page. */
    public long createFirstAdmin(UserForm form, String password) {
        form.setRoles(EnumSet.of(Role.ADMIN));
        UserRules.check(form);
        PasswordPolicy.check(password, form.getUsername());
        String hash = hasher.hash(password.toCharArray());
        return createAdmin(form, hash);
    }

    /** {@code SERVICECRAFT_ADMIN_PASSWORD}: the administrator {@code admin}, if nobody is set up yet. */
    public void createAdminFromEnvironment(String password) {
        if (isSetUp()) {
            return;
        }
        PasswordPolicy.check(password, "admin");
        UserForm form = new UserForm();
        form.setUsername("admin");
        form.setEmployeeNumber("ADMIN");
        // The built-in account's name, until the administrator gives it one: in both languages, as it
        // shows in the menu whatever language a page is in.
        form.setDisplayName("系统管理员 Administrator");
        form.setEmail("admin@localhost.localdomain");
        form.setLanguage(Language.ZH_CN);
        form.setRoles(EnumSet.of(Role.ADMIN));
        try {
            createAdmin(form, hasher.hash(password.toCharArray()));
            LOG.info("Created the administrator 'admin' from SERVICECRAFT_ADMIN_PASSWORD");
        } catch (UserInputException alreadyDone) {
            LOG.info("Setup was already completed by another node");
        }
    }

    private long createAdmin(UserForm form, String hash) {
        try {
            long id = tx.inTransaction(em -> {
                Instant now = clock.instant();
                em.createNativeQuery("insert into setup_marker (id, completed_at) values (1, ?)")
                        .setParameter(1, java.sql.Timestamp.from(now)).executeUpdate();
                UserService.checkUnique(em, form.getUsername(), form.getEmployeeNumber(), null);
                User admin = new User(UserService.profile(em, form), form.getRoles(), hash, now);
                em.persist(admin);
                em.flush();
                return admin.getId();
            });
            done.set(true);
            return id;
        } catch (PersistenceException raced) {
            if (isSetUp()) {
                throw new UserInputException("setup.alreadyDone");
            }
            throw raced;
        }
    }
}
