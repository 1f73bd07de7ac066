package com.servicecraft.audit;

import com.servicecraft.shared.LogSafe;
import com.servicecraft.identity.SignedInUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.logging.Logger;

/**
 * Every refused request, with who, what and why. Each one goes to the server log (one line that
 * starts with {@code REFUSED}); a refusal of a signed-in user is also an entry of the audit trail
 * (action {@code access}, outcome {@code refused <status>}), since it touches records or pages of
 * their organisation. Anonymous refusals stay in the log only, so nobody can fill the trail
 * without an account.
 */
@ApplicationScoped
public class Refusals {
    private static final Logger LOG = Logger.getLogger(Refusals.class.getName());
    public static final String ACTION = "access";

    private final AuditLog auditLog;

    @Inject
    public Refusals(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    /** Records a refusal; {@code who} is null for an anonymous caller. */
    public void record(HttpServletRequest req, SignedInUser who, int status, String why) {
        String uri = req.getRequestURI();
        String what = LogSafe.text(req.getMethod() + " " + (uri.length() > 500 ? uri.substring(0, 500) : uri));
        String actor = who == null ? "anonymous" : who.username() + "#" + who.id();
        LOG.warning(() -> "REFUSED " + status + " " + what + " by " + actor + " from " + req.getRemoteAddr() + ": " + LogSafe.text(why));
        if (who != null) {
            auditLog.record(who.id(), who.username(), AuditLog.WEB, ACTION, what + " (" + why + ")", null, "refused " + status);
        }
    }

}
