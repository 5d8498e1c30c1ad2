package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Duration;
import java.time.Instant;

/**
 * One password and its login state. The membership portal account and each community
 * membership carry their own, so the two kinds of access never share a password.
 */
@Embeddable
public class Credential {

    /** Argon2id PHC string; null until the contact sets a password. */
    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "password_set_at")
    private Instant passwordSetAt;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    @Column(name = "failed_login_count", nullable = false)
    private int failedLoginCount;

    @Column(name = "first_failed_at")
    private Instant firstFailedAt;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    /** Locked with no end: only an unlock (or a new password) lifts it; {@link #lockedUntil} is then null. */
    @Column(name = "locked_until_unlocked", nullable = false)
    private boolean lockedUntilUnlocked;

    /**
     * The address the link was mailed to when the current password was chosen through one; null
     * when an agent set it, the contact changed it while signed in, or the link was not emailed.
     */
    @Column(name = "password_link_address", length = 320)
    private String passwordLinkAddress;

    public boolean hasPassword() {
        return passwordHash != null;
    }

    public boolean isLocked(Instant now) {
        return lockedUntilUnlocked || (lockedUntil != null && lockedUntil.isAfter(now));
    }

    public void setPasswordHash(String phc, Instant now) {
        this.passwordHash = phc;
        this.passwordSetAt = now;
        this.passwordLinkAddress = null;
        unlock();
    }

    /** A password chosen through a link that was mailed to {@code mailedTo} (null: not mailed). */
    public void setPasswordThroughLink(String phc, Instant now, String mailedTo) {
        setPasswordHash(phc, now);
        this.passwordLinkAddress = mailedTo;
    }

    /** Back to "no password set": whoever chose the old one can no longer sign in with it. */
    public void clearPassword() {
        this.passwordHash = null;
        this.passwordSetAt = null;
        this.passwordLinkAddress = null;
    }

    public void recordLogin(Instant now) {
        this.lastLoginAt = now;
        this.failedLoginCount = 0;
        this.firstFailedAt = null;
    }

    /** Counts a failed login in a window; locks when the limit is reached. Returns true if this failure locked it. */
    public boolean recordFailure(Instant now, int limit, Duration window, Duration lockFor) {
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

    public void unlock() {
        this.lockedUntil = null;
        this.lockedUntilUnlocked = false;
        this.failedLoginCount = 0;
        this.firstFailedAt = null;
    }

    /** For demo data and tests that need a lock in place. */
    public void lockUntil(Instant until) {
        this.lockedUntil = until;
    }

    /**
     * A lock that does not expire: it holds until {@link #unlock()} (or a new password). For the demo's
     * locked contact, who must still be locked whenever a trainer gets to the "unlock" step.
     */
    public void lockUntilUnlocked() {
        this.lockedUntil = null;
        this.lockedUntilUnlocked = true;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Instant getPasswordSetAt() {
        return passwordSetAt;
    }

    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public int getFailedLoginCount() {
        return failedLoginCount;
    }

    /** When the lock ends by itself; null when there is none, or it lasts until someone unlocks it. */
    public Instant getLockedUntil() {
        return lockedUntil;
    }

    public String getPasswordLinkAddress() {
        return passwordLinkAddress;
    }
}
