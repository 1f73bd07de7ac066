package com.servicecraft.lti;

import com.servicecraft.assignment.GroupMember;
import com.servicecraft.assignment.TrainingGroup;
import com.servicecraft.identity.PasswordHasher;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.shared.Language;
import com.servicecraft.shared.persistence.Transactions;
import jakarta.persistence.EntityManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * What a valid launch creates or updates, in one transaction: the person (matched by platform and
 * {@code sub}, created on the first launch with a random password nobody knows: they come in
 * through their LMS), the context's training group (created by the first instructor's launch and
 * owned by them; learners become members, also those who launched before it existed) and the
 * resource link with what it opens. Roles are only ever added: a launch never takes away a role
 * an administrator gave.
 */
public class LtiProvisioning {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The person a launch signs in, and their group (null when the context has none yet). */
    public record Provisioned(User user, Long groupId) {
    }

    private final Transactions tx;
    private final Clock clock;
    private final PasswordHasher hasher;

    public LtiProvisioning(Transactions tx, Clock clock, PasswordHasher hasher) {
        this.tx = tx;
        this.clock = clock;
        this.hasher = hasher;
    }

    /** Thrown inside the transaction for a person who may not come in; rolled back, nothing kept. */
    static final class Inactive extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Inactive(String message) {
            super(message);
        }
    }

    public Provisioned provision(Launch launch, Language language, LaunchTarget target) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String unusableHash = hasher.hashRandomSecret(HexFormat.of().formatHex(secret).toCharArray());
        return tx.inTransaction(em -> {
            Instant now = clock.instant();
            User user = person(em, launch, language, unusableHash, now);
            Long groupId = null;
            Long contextRow = null;
            if (launch.contextId() != null && !launch.contextId().isBlank()) {
                contextRow = contextRow(em, launch, now);
                groupId = joinContext(em, contextRow, launch, user, now);
            }
            if (launch.resourceLinkId() != null && !launch.resourceLinkId().isBlank()) {
                resourceLink(em, contextRow, launch, target, now);
            }
            return new Provisioned(user, groupId);
        });
    }

    /** What a roster sync did to a context's group. */
    public record SyncResult(int added, int kept, int removed) {
    }

    /**
     * Brings a context's group in line with the platform's roster (Names and Role Provisioning), in one
     * transaction: each active member is matched or created as at a launch and recorded in the context
     * (learners join the group); learners recorded in the context who are no longer on the roster, or
     * not active, leave the group and the context (their accounts stay).
     */
    public SyncResult syncRoster(long contextRow, LtiPlatform platform, List<Launch> activeMembers) {
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String unusableHash = hasher.hashRandomSecret(HexFormat.of().formatHex(secret).toCharArray());
        return tx.inTransaction(em -> {
            Instant now = clock.instant();
            Object g = em.createNativeQuery("SELECT group_id FROM lti_context WHERE id = ? FOR UPDATE").setParameter(1, contextRow).getSingleResult();
            Long groupId = g == null ? null : ((Number) g).longValue();
            Set<Long> before = new java.util.HashSet<>();
            if (groupId != null) {
                for (Object u : em.createNativeQuery("SELECT user_id FROM group_member WHERE group_id = ?").setParameter(1, groupId).getResultList()) {
                    before.add(((Number) u).longValue());
                }
            }
            Set<Long> onRoster = new java.util.HashSet<>();
            int added = 0;
            int kept = 0;
            for (Launch m : activeMembers) {
                User user;
                try {
                    user = person(em, m, Language.ZH_CN, unusableHash, now);
                } catch (Inactive deactivated) {
                    continue;
                }
                em.flush();
                joinContext(em, contextRow, m, user, now);
                onRoster.add(user.getId());
                if (!LtiRoles.teachesInContext(m.roles())) {
                    if (before.contains(user.getId())) {
                        kept++;
                    } else if (groupId != null) {
                        added++;
                    }
                }
            }
            int removed = 0;
            for (Object o : em.createNativeQuery("SELECT user_id FROM lti_context_member WHERE context_row_id = ? AND lti_role = 'LEARNER'")
                    .setParameter(1, contextRow).getResultList()) {
                long userId = ((Number) o).longValue();
                if (onRoster.contains(userId)) {
                    continue;
                }
                em.createNativeQuery("DELETE FROM lti_context_member WHERE context_row_id = ? AND user_id = ?").setParameter(1, contextRow)
                        .setParameter(2, userId).executeUpdate();
                if (groupId != null) {
                    removed += em.createNativeQuery("DELETE FROM group_member WHERE group_id = ? AND user_id = ?").setParameter(1, groupId)
                            .setParameter(2, userId).executeUpdate();
                }
            }
            return new SyncResult(added, kept, removed);
        });
    }

    private static User person(EntityManager em, Launch launch, Language language, String unusableHash, Instant now) {
        long platformId = launch.platform().id();
        List<?> found = em.createNativeQuery("SELECT user_id FROM lti_user_link WHERE platform_id = ? AND subject = ?")
                .setParameter(1, platformId).setParameter(2, launch.subject()).getResultList();
        Set<Role> roles = LtiRoles.servicecraftRoles(launch.roles());
        String name = clip(launch.name() == null || launch.name().isBlank() ? null : launch.name().strip(), 120);
        String email = launch.email() != null && launch.email().length() <= 254 && launch.email().contains("@") ? launch.email() : null;
        if (!found.isEmpty()) {
            User user = em.find(User.class, ((Number) found.get(0)).longValue());
            if (user == null || !user.isActive() || user.isDeleted()) {
                throw new Inactive("user " + found.get(0) + " is deactivated");
            }
            Set<Role> all = EnumSet.copyOf(user.getRoles());
            all.addAll(roles);
            if (!all.equals(user.getRoles())) {
                user.assignRoles(all, now);
            }
            if ((name != null && !name.equals(user.getDisplayName())) || (email != null && !email.equals(user.getEmail()))) {
                user.update(new UserProfile(user.getUsername(), user.getEmployeeNumber(), name != null ? name : user.getDisplayName(),
                        email != null ? email : user.getEmail(), user.getDepartment(), user.getJobTitle(), user.getPreferredLanguage()), now);
            }
            em.createNativeQuery("UPDATE lti_user_link SET last_launch_at = ? WHERE platform_id = ? AND subject = ?")
                    .setParameter(1, now).setParameter(2, platformId).setParameter(3, launch.subject()).executeUpdate();
            return user;
        }
        String key = shortHash(platformId + "\n" + launch.subject());
        String username = "lti" + platformId + "-" + key.substring(0, 16);
        String employeeNumber = "LTI" + platformId + "-" + key.substring(0, 20);
        User user = new User(new UserProfile(username, clip(employeeNumber, 32), name != null ? name : username,
                email != null ? email : "", null, null, language), roles, unusableHash, now);
        em.persist(user);
        em.flush();
        em.createNativeQuery("INSERT INTO lti_user_link (platform_id, subject, user_id, created_at, last_launch_at) VALUES (?, ?, ?, ?, ?)")
                .setParameter(1, platformId).setParameter(2, launch.subject()).setParameter(3, user.getId())
                .setParameter(4, now).setParameter(5, now).executeUpdate();
        return user;
    }

    private static long contextRow(EntityManager em, Launch launch, Instant now) {
        long platformId = launch.platform().id();
        String title = clip(launch.contextTitle(), 255);
        String scopes = clip(String.join(" ", launch.agsScopes()), 1000);
        int updated = em.createNativeQuery("UPDATE lti_context SET title = COALESCE(?, title), deployment_id = ?, memberships_url = ?,"
                        + " lineitems_url = ?, ags_scopes = ?, updated_at = ? WHERE platform_id = ? AND context_id = ?")
                .setParameter(1, title).setParameter(2, launch.deploymentId()).setParameter(3, clip(launch.membershipsUrl(), 1000))
                .setParameter(4, clip(launch.lineItemsUrl(), 1000)).setParameter(5, scopes.isEmpty() ? null : scopes)
                .setParameter(6, now).setParameter(7, platformId).setParameter(8, clip(launch.contextId(), 255)).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO lti_context (platform_id, context_id, deployment_id, title, memberships_url, lineitems_url,"
                            + " ags_scopes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, platformId).setParameter(2, clip(launch.contextId(), 255)).setParameter(3, launch.deploymentId())
                    .setParameter(4, title).setParameter(5, clip(launch.membershipsUrl(), 1000)).setParameter(6, clip(launch.lineItemsUrl(), 1000))
                    .setParameter(7, scopes.isEmpty() ? null : scopes).setParameter(8, now).setParameter(9, now).executeUpdate();
        }
        return ((Number) em.createNativeQuery("SELECT id FROM lti_context WHERE platform_id = ? AND context_id = ?")
                .setParameter(1, platformId).setParameter(2, clip(launch.contextId(), 255)).getSingleResult()).longValue();
    }

    /** Records the person in the context and returns its group, creating it for the first instructor. */
    private static Long joinContext(EntityManager em, long contextRow, Launch launch, User user, Instant now) {
        boolean teaches = LtiRoles.teachesInContext(launch.roles());
        String role = teaches ? "INSTRUCTOR" : "LEARNER";
        int updated = em.createNativeQuery("UPDATE lti_context_member SET lti_role = ?, last_launch_at = ? WHERE context_row_id = ? AND user_id = ?")
                .setParameter(1, role).setParameter(2, now).setParameter(3, contextRow).setParameter(4, user.getId()).executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO lti_context_member (context_row_id, user_id, lti_role, last_launch_at) VALUES (?, ?, ?, ?)")
                    .setParameter(1, contextRow).setParameter(2, user.getId()).setParameter(3, role).setParameter(4, now).executeUpdate();
        }
        // Locked: two instructors' first launches of one context make one group, not two.
        Object g = em.createNativeQuery("SELECT group_id FROM lti_context WHERE id = ? FOR UPDATE").setParameter(1, contextRow)
                .getSingleResult();
        Long groupId = g == null ? null : ((Number) g).longValue();
        if (groupId == null && teaches) {
            String title = launch.contextTitle() == null || launch.contextTitle().isBlank() ? launch.contextId() : launch.contextTitle();
            TrainingGroup group = new TrainingGroup(clip(title.strip(), TrainingGroup.MAX_NAME),
                    clip("LTI: " + launch.platform().name() + " / " + launch.contextId(), TrainingGroup.MAX_DESCRIPTION), user.getId(), now);
            em.persist(group);
            em.flush();
            groupId = group.getId();
            em.createNativeQuery("UPDATE lti_context SET group_id = ? WHERE id = ?").setParameter(1, groupId).setParameter(2, contextRow)
                    .executeUpdate();
            // The learners who launched before the group existed join it now.
            for (Object learner : em.createNativeQuery("SELECT user_id FROM lti_context_member WHERE context_row_id = ? AND lti_role = 'LEARNER'")
                    .setParameter(1, contextRow).getResultList()) {
                em.persist(new GroupMember(groupId, ((Number) learner).longValue(), user.getId(), now));
            }
        } else if (groupId != null && !teaches && em.find(GroupMember.class, new GroupMember.Key(groupId, user.getId())) == null) {
            long owner = em.find(TrainingGroup.class, groupId).getOwnerId();
            em.persist(new GroupMember(groupId, user.getId(), owner, now));
        }
        return groupId;
    }

    private static void resourceLink(EntityManager em, Long contextRow, Launch launch, LaunchTarget target, Instant now) {
        long platformId = launch.platform().id();
        String id = clip(launch.resourceLinkId(), 255);
        int updated = em.createNativeQuery("UPDATE lti_resource_link SET context_row_id = ?, title = ?, target = ?, lineitem_url = ?,"
                        + " updated_at = ? WHERE platform_id = ? AND resource_link_id = ?")
                .setParameter(1, contextRow).setParameter(2, clip(launch.resourceLinkTitle(), 255)).setParameter(3, target.spec())
                .setParameter(4, clip(launch.lineItemUrl(), 1000)).setParameter(5, now).setParameter(6, platformId).setParameter(7, id)
                .executeUpdate();
        if (updated == 0) {
            em.createNativeQuery("INSERT INTO lti_resource_link (context_row_id, platform_id, resource_link_id, title, target, lineitem_url,"
                            + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .setParameter(1, contextRow).setParameter(2, platformId).setParameter(3, id)
                    .setParameter(4, clip(launch.resourceLinkTitle(), 255)).setParameter(5, target.spec())
                    .setParameter(6, clip(launch.lineItemUrl(), 1000)).setParameter(7, now).setParameter(8, now).executeUpdate();
        }
    }

    private static String clip(String s, int max) {
        return s == null ? null : s.length() > max ? s.substring(0, max) : s;
    }

    private static String shortHash(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
