package com.servicecraft.lti;

import com.servicecraft.audit.AuditLog;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.FieldProblem;
import com.servicecraft.shared.UserInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Administration → LTI platforms, for administrators only: register, change, enable and disable
 * platforms with their deployment ids, see the tool's keys (ids and dates, never key material) and
 * rotate the signing key. Every change is audited.
 */
@ApplicationScoped
public class LtiAdministration {
    private final LtiPlatforms platforms;
    private final ToolKeys keys;
    private final CurrentUser currentUser;
    private final AuditLog audit;
    private final LtiLaunchService launches;
    private final ScoreOutbox scores;

    @Inject
    public LtiAdministration(LtiPlatforms platforms, ToolKeys keys, CurrentUser currentUser, AuditLog audit, LtiLaunchService launches,
                             ScoreOutbox scores) {
        this.scores = scores;
        this.platforms = platforms;
        this.keys = keys;
        this.currentUser = currentUser;
        this.audit = audit;
        this.launches = launches;
    }

    public List<LtiPlatform> platforms() {
        currentUser.requireAny(Role.ADMIN);
        return platforms.all();
    }

    /** The newest scores of the grade outbox, with their state and last error. */
    public List<ScoreOutbox.Entry> scores() {
        currentUser.requireAny(Role.ADMIN);
        return scores.recent(SCORES_SHOWN);
    }

    static final int SCORES_SHOWN = 100;

    public List<ToolKeys.KeyInfo> keys() {
        currentUser.requireAny(Role.ADMIN);
        return keys.keys();
    }

    /** Adds or changes a platform; refused field by field when something is missing or malformed. */
    public long save(LtiPlatform p) {
        SignedInUser admin = currentUser.requireAny(Role.ADMIN);
        check(p);
        long id = platforms.save(p);
        launches.platformsChanged();
        audit.record(admin.id(), admin.username(), AuditLog.WEB, p.id() == null ? "lti.platform.add" : "lti.platform.change",
                "platform=" + id + " issuer=" + p.issuer() + " enabled=" + p.enabled(), null, "ok");
        return id;
    }

    public void setEnabled(long id, boolean enabled) {
        SignedInUser admin = currentUser.requireAny(Role.ADMIN);
        platforms.setEnabled(id, enabled);
        audit.record(admin.id(), admin.username(), AuditLog.WEB, enabled ? "lti.platform.enable" : "lti.platform.disable",
                "platform=" + id, null, "ok");
    }

    /** A new signing key; the old one stays published for {@link ToolKeys#RETIRED_PUBLISHED}. Returns the new key id. */
    public String rotateKey() {
        SignedInUser admin = currentUser.requireAny(Role.ADMIN);
        String kid = keys.rotate();
        audit.record(admin.id(), admin.username(), AuditLog.WEB, "lti.key.rotate", "kid=" + kid, null, "ok");
        return kid;
    }

    static void check(LtiPlatform p) {
        List<FieldProblem> problems = new ArrayList<>();
        required(problems, "name", p.name(), 120);
        required(problems, "issuer", p.issuer(), 255);
        required(problems, "clientId", p.clientId(), 255);
        url(problems, "authUrl", p.authUrl(), true);
        url(problems, "tokenUrl", p.tokenUrl(), false);
        url(problems, "jwksUrl", p.jwksUrl(), true);
        if (p.deploymentIds().isEmpty()) {
            problems.add(new FieldProblem("deployments", "lti.admin.deploymentsRequired"));
        } else if (p.deploymentIds().stream().anyMatch(d -> d.length() > 255)) {
            problems.add(new FieldProblem("deployments", "lti.admin.tooLong", 255));
        }
        if (p.frameOrigins() != null && !p.frameOrigins().isBlank()) {
            if (p.frameOrigins().length() > 1000 || Arrays.stream(p.frameOrigins().trim().split("\\s+"))
                    .anyMatch(o -> LtiPlatform.origin(o).filter(x -> x.equalsIgnoreCase(o.replaceAll("/$", ""))).isEmpty())) {
                problems.add(new FieldProblem("frameOrigins", "lti.admin.badOrigins"));
            }
        }
        if (!problems.isEmpty()) {
            throw new UserInputException(problems);
        }
    }

    private static void required(List<FieldProblem> problems, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "lti.admin.required"));
        } else if (value.length() > max) {
            problems.add(new FieldProblem(field, "lti.admin.tooLong", max));
        }
    }

    private static void url(List<FieldProblem> problems, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                problems.add(new FieldProblem(field, "lti.admin.required"));
            }
            return;
        }
        if (value.length() > 1000 || LtiPlatform.origin(value).isEmpty()) {
            problems.add(new FieldProblem(field, "lti.admin.badUrl"));
        }
    }
}
