package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A reset or set-password link. Only the SHA-256 of the token is kept; the token itself never is. */
@Entity
@Table(name = "credential_token")
public class CredentialToken {

    public enum State implements Coded {
        LIVE, EXPIRED, USED, SUPERSEDED, REVOKED
    }

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AccessScope scope;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    private CommunityGroup group;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private TokenPurpose purpose;

    /** Hex SHA-256 of the raw token. */
    @Column(name = "token_hash", nullable = false, unique = true, length = 128)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "first_opened_at")
    private Instant firstOpenedAt;

    @Column(name = "used_at")
    private Instant usedAt;

    @Column(name = "superseded_at")
    private Instant supersededAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "email_message_id")
    private UUID emailMessageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Origin origin;

    @Column(name = "failed_tries", nullable = false)
    private int failedTries;

    protected CredentialToken() {
    }

    public CredentialToken(Contact contact, AccessScope scope, CommunityGroup group, TokenPurpose purpose,
                           String tokenHash, Instant now, Instant expiresAt, Origin origin, UUID emailMessageId) {
        this.contact = contact;
        this.scope = scope;
        this.group = group;
        this.purpose = purpose;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
        this.origin = origin;
        this.emailMessageId = emailMessageId;
    }

    public State state(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        if (revokedAt != null) {
            return State.REVOKED;
        }
        if (supersededAt != null) {
            return State.SUPERSEDED;
        }
        if (!expiresAt.isAfter(now)) {
            return State.EXPIRED;
        }
        return State.LIVE;
    }

    public void recordOpened(Instant now) {
        if (firstOpenedAt == null) {
            firstOpenedAt = now;
        }
    }

    public void markUsed(Instant now) {
        this.usedAt = now;
    }

    public void supersede(Instant now) {
        if (supersededAt == null) {
            this.supersededAt = now;
        }
    }

    /** A wrong code was typed for this token; at {@code limit} wrong tries it is revoked. */
    public void recordFailedTry(Instant now, int limit) {
        failedTries++;
        if (failedTries >= limit) {
            revoke(now);
        }
    }

    public int getFailedTries() {
        return failedTries;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            this.revokedAt = now;
        }
    }

    public UUID getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public AccessScope getScope() {
        return scope;
    }

    public CommunityGroup getGroup() {
        return group;
    }

    public TokenPurpose getPurpose() {
        return purpose;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getFirstOpenedAt() {
        return firstOpenedAt;
    }

    public Instant getUsedAt() {
        return usedAt;
    }

    public Instant getSupersededAt() {
        return supersededAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public UUID getEmailMessageId() {
        return emailMessageId;
    }

    public Origin getOrigin() {
        return origin;
    }
}
