package com.servicecraft.testing;

import com.servicecraft.shared.Language;
import com.servicecraft.identity.Role;
import com.servicecraft.identity.User;
import com.servicecraft.identity.UserProfile;
import com.servicecraft.shared.persistence.Transactions;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.EnumSet;

/**
 * People and groups for service tests, written straight to the database:
 * {@code people.aTrainee("wang").speaking(Language.EN).create()}, {@code people.group("Team A", trainerId, wang, li)}.
 */
public final class TestPeople {
    private final Transactions tx;
    private final Clock clock;

    public TestPeople(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    public Builder aTrainee(String username) {
        return new Builder(username, Role.TRAINEE);
    }

    public Builder aTrainer(String username) {
        return new Builder(username, Role.TRAINER);
    }

    public Builder anAdmin(String username) {
        return new Builder(username, Role.ADMIN);
    }

    /** A group owned by the trainer with these members; returns its id. */
    public long group(String name, long ownerId, long... members) {
        return tx.inTransaction(em -> {
            em.createNativeQuery("insert into training_group (name, owner_id, created_at, version) values (?, ?, ?, 0)")
                    .setParameter(1, name).setParameter(2, ownerId).setParameter(3, Timestamp.from(clock.instant())).executeUpdate();
            long id = ((Number) em.createNativeQuery("select max(id) from training_group where name = ?").setParameter(1, name)
                    .getSingleResult()).longValue();
            for (long m : members) {
                em.createNativeQuery("insert into group_member (group_id, user_id, added_at, added_by) values (?, ?, ?, ?)")
                        .setParameter(1, id).setParameter(2, m).setParameter(3, Timestamp.from(clock.instant())).setParameter(4, ownerId)
                        .executeUpdate();
            }
            return id;
        });
    }

    public void archive(long groupId) {
        tx.run(em -> em.createNativeQuery("update training_group set archived_at = ? where id = ?")
                .setParameter(1, Timestamp.from(clock.instant())).setParameter(2, groupId).executeUpdate());
    }

    /** A user to be created; Chinese-speaking, with e-mail notifications on, unless told otherwise. */
    public final class Builder {
        private final String username;
        private final Role role;
        private Language language = Language.ZH_CN;
        private boolean mail = true;

        private Builder(String username, Role role) {
            this.username = username;
            this.role = role;
        }

        public Builder speaking(Language l) {
            this.language = l;
            return this;
        }

        public Builder withoutMail() {
            this.mail = false;
            return this;
        }

        public long create() {
            return tx.inTransaction(em -> {
                User u = new User(new UserProfile(username, "E-" + username, "Name " + username, username + "@example.com", null, null, language),
                        EnumSet.of(role), "pbkdf2-sha256$1$AAAA$AAAA", clock.instant());
                u.setEmailNotifications(mail, clock.instant());
                em.persist(u);
                em.flush();
                return u.getId();
            });
        }
    }
}
