package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * Failed sign-ins for an address that has no password at a door (no such contact, or not a member
 * of the group). It counts and locks exactly as a {@link Credential} does, so that a lock message
 * never tells whether the address has an account. Keyed by a hash of door and address.
 */
@Entity
@Table(name = "login_throttle")
public class LoginThrottle {

    @Id
    @Column(name = "subject_hash", length = 64)
    private String subjectHash;

    @Column(name = "failed_login_count", nullable = false)
    private int failedLoginCount;

    @Column(name = "first_failed_at")
    private Instant firstFailedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LoginThrottle() {
    }

    public LoginThrottle(String subjectHash, Instant now) {
        this.subjectHash = subjectHash;
        this.updatedAt = now;
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Same rule as {@link Credential#recordFailure}: returns true if this failure locked it. */
    public boolean recordFailure(Instant now, int limit, Duration window, Duration lockFor) {
        updatedAt = now;
        if (firstFailedAt == null || firstFailedAt.plus(window).isBefore(now)) {
            firstFailedAt = now;
            failedLoginCount = 0;
        }
        failedLoginCount++;
        if (failedLoginCount >= limit) {
            lockedUntil = now.plus(lockFor);
            failedLoginCount = 0;
            firstFailedAt = null;
            return true;
        }
        return false;
    }

    public String getSubjectHash() {
        return subjectHash;
    }

    public int getFailedLoginCount() {
        return failedLoginCount;
    }

    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
