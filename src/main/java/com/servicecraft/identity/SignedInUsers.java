package com.servicecraft.identity;

import com.servicecraft.shared.persistence.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is signed in for this request, as the database says now: the session only tells which
 * account signed in (its id); name, roles and the active flag are read once per request (one
 * small query, kept in a request attribute). A removed role or a deactivated account therefore
 * takes effect at the user's next request, and a deactivated user's next request signs them out.
 */
@ApplicationScoped
public class SignedInUsers {
    /** The user of this request, once loaded ({@link SignedInUser}), or {@link #NOBODY}. */
    static final String REQUEST_ATTRIBUTE = "servicecraft.signedInUser.now";
    private static final Object NOBODY = new Object();

    private final Database database;

    @Inject
    public SignedInUsers(Database database) {
        this.database = database;
    }

    /** The signed-in user of the request, fresh from the database; signs out a session whose account is gone or inactive. */
    public Optional<SignedInUser> of(HttpServletRequest request) {
        Object cached = request.getAttribute(REQUEST_ATTRIBUTE);
        if (cached != null) {
            return cached == NOBODY ? Optional.empty() : Optional.of((SignedInUser) cached);
        }
        HttpSession session = request.getSession(false);
        Object signedIn = session == null ? null : session.getAttribute(SignedInUser.SESSION_ATTRIBUTE);
        Optional<SignedInUser> now = Optional.empty();
        if (signedIn instanceof SignedInUser who) {
            now = load(who.id());
            if (now.isEmpty()) {
                // Deactivated or deleted since sign-in: this session ends here.
                session.invalidate();
            }
        }
        request.setAttribute(REQUEST_ATTRIBUTE, now.isPresent() ? now.get() : NOBODY);
        return now;
    }

    /** The account as it is now, if it exists and is active. */
    public Optional<SignedInUser> load(long userId) {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT u.username, u.display_name, u.active, r.role FROM app_user u"
                     + " LEFT JOIN user_role r ON r.user_id = u.id WHERE u.id = ?")) {
            ps.setLong(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                String username = null;
                String displayName = null;
                boolean active = false;
                Set<Role> roles = EnumSet.noneOf(Role.class);
                while (rs.next()) {
                    username = rs.getString(1);
                    displayName = rs.getString(2);
                    active = rs.getBoolean(3);
                    String role = rs.getString(4);
                    if (role != null) {
                        roles.add(Role.valueOf(role));
                    }
                }
                return username == null || !active ? Optional.empty()
                        : Optional.of(new SignedInUser(userId, username, displayName, roles));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the signed-in account: " + e.getMessage(), e);
        }
    }
}
