package com.servicecraft.identity;

import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Departments: listed for everyone who picks one, managed by administrators. */
@ApplicationScoped
public class DepartmentService {
    private final Transactions tx;
    private final Clock clock;
    private final CurrentUser currentUser;

    @Inject
    public DepartmentService(Transactions tx, Clock clock, CurrentUser currentUser) {
        this.tx = tx;
        this.clock = clock;
        this.currentUser = currentUser;
    }

    public List<DepartmentRow> list() {
        currentUser.require();
        return tx.read(em -> em.createQuery(
                "select new com.servicecraft.identity.DepartmentRow(d.id, d.name, "
                        + "(select count(u) from User u where u.department = d and u.active = true)) "
                        + "from Department d order by d.name", DepartmentRow.class).getResultList());
    }

    public long create(String name) {
        currentUser.requireAny(Role.ADMIN);
        String clean = requireName(name);
        return tx.inTransaction(em -> {
            if (findByName(em, clean).isPresent()) {
                throw new UserInputException("department.nameTaken", clean);
            }
            Department d = new Department(clean, clock.instant());
            em.persist(d);
            em.flush();
            return d.getId();
        });
    }

    public void rename(long id, String name) {
        currentUser.requireAny(Role.ADMIN);
        String clean = requireName(name);
        tx.run(em -> {
            Department d = Optional.ofNullable(em.find(Department.class, id))
                    .orElseThrow(() -> new UserInputException("department.notFound"));
            findByName(em, clean).filter(other -> !other.getId().equals(id)).ifPresent(other -> {
                throw new UserInputException("department.nameTaken", clean);
            });
            d.rename(clean);
        });
    }

    public void delete(long id) {
        currentUser.requireAny(Role.ADMIN);
        tx.run(em -> {
            Department d = Optional.ofNullable(em.find(Department.class, id))
                    .orElseThrow(() -> new UserInputException("department.notFound"));
            long members = em.createQuery("select count(u) from User u where u.department = :d", Long.class)
                    .setParameter("d", d).getSingleResult();
            if (members > 0) {
                throw new UserInputException("department.notEmpty", members);
            }
            em.remove(d);
        });
    }

    static Optional<Department> findByName(jakarta.persistence.EntityManager em, String name) {
        return em.createQuery("select d from Department d where lower(d.name) = :n", Department.class)
                .setParameter("n", name.trim().toLowerCase(Locale.ROOT)).getResultStream().findFirst();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 120) {
            throw new UserInputException("department.nameRequired");
        }
        return name.trim();
    }
}
