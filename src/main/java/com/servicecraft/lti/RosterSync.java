package com.servicecraft.lti;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.servicecraft.assignment.TrainingGroup;
import com.servicecraft.audit.AuditLog;
import com.servicecraft.identity.AccessDeniedException;
import com.servicecraft.identity.CurrentUser;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.SignedInUser;
import com.servicecraft.shared.UserInputException;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names and Role Provisioning Services 2.0: a trainer who owns a group that came from an LMS context
 * (or an administrator) imports or refreshes its members from the platform's membership service —
 * members added, names and e-mails updated, learners no longer in the course removed from the
 * group. The pages of the membership container are followed through the {@code Link: <…>; rel="next"}
 * header. The token is obtained as for grades ({@link ServiceTokens}, scope
 * {@value #SCOPE}). Every sync is in the audit log.
 */
@ApplicationScoped
public class RosterSync {
    public static final String SCOPE = "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly";
    static final String MEDIA_TYPE = "application/vnd.ims.lti-nrps.v2.membershipcontainer+json";
    private static final int MAX_PAGES = 200;
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;[^,]*rel=\"?next\"?");

    private final Transactions tx;
    private final CurrentUser currentUser;
    private final LtiPlatforms platforms;
    private final LtiProvisioning provisioning;
    private final ServiceTokens tokens;
    private final HttpClient http;
    private final AuditLog audit;

    @Inject
    public RosterSync(Transactions tx, Clock clock, CurrentUser currentUser, LtiPlatforms platforms, ToolKeys keys, PasswordHasher hasher,
                      AuditLog audit) {
        this.tx = tx;
        this.currentUser = currentUser;
        this.platforms = platforms;
        this.audit = audit;
        this.provisioning = new LtiProvisioning(tx, clock, hasher);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = new ServiceTokens(keys, clock, http);
    }

    private record Context(long row, long platformId, String contextId, String deploymentId, String title, String membershipsUrl) {
    }

    /** A group that came from an LMS course, as its owner sees it. */
    public record LmsCourse(long groupId, String groupName, String contextTitle, String platformName, long members, boolean roster)
            implements java.io.Serializable {
    }

    /** The groups from LMS courses this trainer owns (an administrator: all of them). */
    public List<LmsCourse> myCourses() {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        boolean all = me.hasRole(Role.ADMIN);
        return tx.read(em -> {
            List<LmsCourse> out = new ArrayList<>();
            for (Object o : em.createNativeQuery("SELECT g.id, g.name, x.title, p.name, (SELECT COUNT(*) FROM group_member m WHERE m.group_id = g.id),"
                            + " x.memberships_url FROM lti_context x JOIN training_group g ON g.id = x.group_id JOIN lti_platform p ON p.id = x.platform_id"
                            + " WHERE (? = TRUE OR g.owner_id = ?) ORDER BY g.name, x.id")
                    .setParameter(1, all).setParameter(2, me.id()).setMaxResults(500).getResultList()) {
                Object[] r = (Object[]) o;
                out.add(new LmsCourse(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).longValue(),
                        r[5] != null));
            }
            return out;
        });
    }

    /** The LMS contexts behind a group that have a membership service (empty: the group did not come from an LMS). */
    public boolean canSync(long groupId) {
        return !contexts(groupId).isEmpty();
    }

    /** Imports or refreshes the group's members from every LMS context it came from. */
    public LtiProvisioning.SyncResult sync(long groupId) {
        SignedInUser me = currentUser.requireAny(Role.TRAINER, Role.ADMIN);
        TrainingGroup group = tx.read(em -> em.find(TrainingGroup.class, groupId));
        if (group == null || (!me.hasRole(Role.ADMIN) && group.getOwnerId() != me.id())) {
            throw new AccessDeniedException("roster of group " + groupId);
        }
        List<Context> contexts = contexts(groupId);
        if (contexts.isEmpty()) {
            throw new UserInputException("lti.roster.noService");
        }
        int added = 0;
        int kept = 0;
        int removed = 0;
        for (Context c : contexts) {
            LtiPlatform platform = platforms.find(c.platformId()).filter(LtiPlatform::enabled)
                    .orElseThrow(() -> new UserInputException("lti.roster.platformOff"));
            List<Launch> members;
            try {
                members = fetch(platform, c);
            } catch (IOException | RuntimeException e) {
                audit.record(me.id(), me.username(), LtiLaunchService.AUDIT_CHANNEL, "lti.roster.sync",
                        "group=" + groupId + " context=" + c.contextId(), null, "failed: " + e.getMessage());
                throw new UserInputException("lti.roster.failed");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserInputException("lti.roster.failed");
            }
            LtiProvisioning.SyncResult r = provisioning.syncRoster(c.row(), platform, members);
            added += r.added();
            kept += r.kept();
            removed += r.removed();
            audit.record(me.id(), me.username(), LtiLaunchService.AUDIT_CHANNEL, "lti.roster.sync", "group=" + groupId + " context="
                    + c.contextId() + " added=" + r.added() + " kept=" + r.kept() + " removed=" + r.removed(), (long) members.size(), "ok");
        }
        return new LtiProvisioning.SyncResult(added, kept, removed);
    }

    private List<Context> contexts(long groupId) {
        return tx.read(em -> {
            List<Context> out = new ArrayList<>();
            for (Object o : em.createNativeQuery("SELECT id, platform_id, context_id, deployment_id, title, memberships_url FROM lti_context"
                    + " WHERE group_id = ? AND memberships_url IS NOT NULL ORDER BY id").setParameter(1, groupId).getResultList()) {
                Object[] r = (Object[]) o;
                out.add(new Context(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2], (String) r[3], (String) r[4],
                        (String) r[5]));
            }
            return out;
        });
    }

    /** Every page of the membership container; the active members as launches would describe them. */
    @SuppressWarnings("unchecked")
    private List<Launch> fetch(LtiPlatform platform, Context c) throws IOException, InterruptedException {
        String token = tokens.token(platform, SCOPE);
        List<Launch> out = new ArrayList<>();
        String url = c.membershipsUrl();
        for (int page = 0; url != null && page < MAX_PAGES; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Accept", MEDIA_TYPE).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 401) {
                tokens.forget(platform, SCOPE);
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode() + " from the membership service");
            }
            try {
                Map<String, Object> json = JSONObjectUtils.parse(response.body());
                for (Object m : (List<Object>) json.getOrDefault("members", List.of())) {
                    Map<String, Object> member = (Map<String, Object>) m;
                    String status = member.get("status") instanceof String s ? s : "Active";
                    Object sub = member.get("user_id");
                    if (!"Active".equals(status) || !(sub instanceof String subject) || subject.isBlank()) {
                        continue;
                    }
                    List<String> roles = new ArrayList<>();
                    if (member.get("roles") instanceof List<?> rs) {
                        rs.forEach(x -> roles.add(String.valueOf(x)));
                    }
                    out.add(new Launch(platform, Launch.RESOURCE_LINK, c.deploymentId(), subject, text(member.get("name")),
                            text(member.get("email")), null, roles, c.contextId(), c.title(), null, null, null, Map.of(), c.membershipsUrl(),
                            null, null, List.of(), null, null));
                }
            } catch (ParseException | ClassCastException e) {
                throw new IOException("the membership service answered something that is not a membership container");
            }
            url = next(response.headers().allValues("Link")).orElse(null);
        }
        return out;
    }

    /** The rel="next" target of Link headers (RFC 8288), if any. */
    static Optional<String> next(List<String> linkHeaders) {
        for (String h : linkHeaders) {
            Matcher m = NEXT.matcher(h);
            while (m.find()) {
                String u = m.group(1).trim();
                if (u.startsWith("https://") || u.startsWith("http://")) {
                    return Optional.of(u);
                }
            }
        }
        return Optional.empty();
    }

    private static String text(Object o) {
        return o instanceof String s && !s.isBlank() ? s : null;
    }
}
