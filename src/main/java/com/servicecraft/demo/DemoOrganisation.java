package com.servicecraft.demo;

import com.servicecraft.api.ApiScope;
import com.servicecraft.api.ApiTokenService;
import com.servicecraft.identity.Department;
import com.servicecraft.identity.FirstRunSetup;
import com.servicecraft.shared.Language;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The demo organisation behind {@code SERVICECRAFT_DEMO=true}: an administrator, two trainers, an
 * HR officer, three departments and forty trainees, all with the documented password
 * {@value #DEMO_PASSWORD}. Seeded once; never present unless asked for.
 */
@ApplicationScoped
public class DemoOrganisation {
    public static final String DEMO_PASSWORD = "servicecraft-demo";
    /** The documented API token of the demo HR officer (scopes catalog:read and completions:read). */
    public static final String DEMO_HR_TOKEN = "sc_demo_hr1_api_token_for_trying_the_api";
    static final List<String> DEPARTMENTS = List.of("销售部 Sales", "售后服务部 After-sales", "客户热线 Hotline");
    private static final Logger LOG = Logger.getLogger(DemoOrganisation.class.getName());

    private final Transactions tx;
    private final PasswordHasher hasher;
    private final FirstRunSetup setup;
    private final Clock clock;
    private final ApiTokenService tokens;

    @Inject
    public DemoOrganisation(Transactions tx, PasswordHasher hasher, FirstRunSetup setup, Clock clock, ApiTokenService tokens) {
        this.tokens = tokens;
        this.tx = tx;
        this.hasher = hasher;
        this.setup = setup;
        this.clock = clock;
    }

    public void seedIfAbsent(String adminPassword) {
        setup.createAdminFromEnvironment(adminPassword == null || adminPassword.isBlank() ? DEMO_PASSWORD : adminPassword);
        boolean seeded = tx.read(em -> em.createQuery("select count(u) from User u where u.username = 'trainer1'", Long.class)
                .getSingleResult() > 0);
        if (seeded) {
            return;
        }
        // One hash for all demo accounts: they share a documented password anyway.
        String hash = hasher.hash(DEMO_PASSWORD.toCharArray());
        tx.run(em -> {
            Instant now = clock.instant();
            List<Department> depts = DEPARTMENTS.stream().map(n -> new Department(n, now)).toList();
            depts.forEach(em::persist);
            em.persist(person("trainer1", "T-0001", "王芳 Wang Fang", depts.get(0), "培训师 Trainer", EnumSet.of(Role.TRAINER), hash, now));
            em.persist(person("trainer2", "T-0002", "Li Ming 李明", depts.get(1), "培训师 Trainer", EnumSet.of(Role.TRAINER), hash, now));
            em.persist(person("hr1", "H-0001", "赵敏 Zhao Min", depts.get(2), "人力资源 HR officer", EnumSet.of(Role.HR), hash, now));
            String[] family = {"张", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马"};
            String[] given = {"伟", "娜", "强", "静", "磊", "丽"};
            for (int i = 1; i <= 40; i++) {
                String name = family[i % family.length] + given[i % given.length] + (i > 20 ? "" : "华");
                em.persist(person(String.format("t%03d", i), String.format("E%04d", i), name,
                        depts.get(i % depts.size()), i % 2 == 0 ? "服务顾问 Service adviser" : "客服专员 Hotline agent",
                        EnumSet.of(Role.TRAINEE), hash, now));
            }
        });
        long hrId = tx.read(em -> em.createQuery("select u.id from User u where u.username = 'hr1'", Long.class).getSingleResult());
        tokens.storeKnown("Demo HR system", DEMO_HR_TOKEN, EnumSet.of(ApiScope.CATALOG_READ, ApiScope.COMPLETIONS_READ), hrId);
        LOG.info("Seeded the demo organisation (password '" + DEMO_PASSWORD + "')");
    }

    private static User person(String username, String number, String name, Department dept, String title,
                               Set<Role> roles, String hash, Instant now) {
        Language lang = username.equals("trainer2") ? Language.EN : Language.ZH_CN;
        return new User(new UserProfile(username, number, name, username + "@demo.servicecraft.test", dept, title, lang),
                roles, hash, now);
    }
}
