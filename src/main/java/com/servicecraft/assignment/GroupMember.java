package com.servicecraft.assignment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;

/** A trainee's membership of a group; removing a member deletes the row (assignments stay with the group). */
@Entity
@Table(name = "group_member")
@IdClass(GroupMember.Key.class)
public class GroupMember {
    /** The composite primary key (group, user). */
    public static class Key implements Serializable {
        private Long groupId;
        private Long userId;

        public Key() {
        }

        public Key(Long groupId, Long userId) {
            this.groupId = groupId;
            this.userId = userId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(groupId, k.groupId) && java.util.Objects.equals(userId, k.userId);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(groupId, userId);
        }
    }

    @Id
    @Column(name = "group_id")
    private Long groupId;

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false)
    private long addedBy;

    protected GroupMember() {
    }

    public GroupMember(long groupId, long userId, long addedBy, Instant now) {
        this.groupId = groupId;
        this.userId = userId;
        this.addedBy = addedBy;
        this.addedAt = now;
    }

    public Long getGroupId() { return groupId; }
    public Long getUserId() { return userId; }
    public Instant getAddedAt() { return addedAt; }
    public long getAddedBy() { return addedBy; }
}
