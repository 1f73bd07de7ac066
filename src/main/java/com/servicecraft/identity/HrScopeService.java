package com.servicecraft.identity;

import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which departments an HR officer may see (table {@code hr_scope}). No rows: every department.
 * Administrators always see everything; only administrators change a scope.
 */
@ApplicationScoped
public class HrScopeService {
    private final Database database;
    private final CurrentUser currentUser;

    @Inject
    public HrScopeService(Database database, CurrentUser currentUser) {
        this.database = database;
        this.currentUser = currentUser;
    }

    /** The departments of the officer's scope; empty when unscoped. */
    public Set<Long> departmentsOf(long userId) {
        Set<Long> ids = new TreeSet<>();
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT department_id FROM hr_scope WHERE user_id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    /** The departments a caller sees: {@code null} for all of them. */
    public Set<Long> visibleTo(long userId, boolean admin) {
        if (admin) {
            return null;
        }
        Set<Long> scope = departmentsOf(userId);
        return scope.isEmpty() ? null : scope;
    }

    /** Replaces the officer's scope (an administrator's action); an empty set removes the limit. */
    public void setScope(long userId, Collection<Long> departmentIds) {
        currentUser.requireAny(Role.ADMIN);
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement del = c.prepareStatement("DELETE FROM hr_scope WHERE user_id = ?");
                 PreparedStatement ins = c.prepareStatement("INSERT INTO hr_scope (user_id, department_id) VALUES (?, ?)")) {
                del.setLong(1, userId);
                del.executeUpdate();
                for (Long d : new TreeSet<>(departmentIds)) {
                    ins.setLong(1, userId);
                    ins.setLong(2, d);
                    ins.addBatch();
                }
                ins.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
