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

/**
 * A browser signed in at one door (the membership portal or one community group). Only the
 * SHA-256 of the session id is kept. It remembers when the password it was opened with was set:
 * once the credential's password changes, the session no longer counts.
 */
@Entity
@Table(name = "portal_session")
public class PortalSession {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    /** Hex SHA-256 of the raw session id. */
    @Column(name = "token_hash", nullable = false, unique = true, length = 64)
    private String tokenHash;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AccessScope scope;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "group_id")
    private CommunityGroup group;

    @Column(name = "password_set_at", nullable = false)
    private Instant passwordSetAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PortalSession() {
    }

    public PortalSession(String tokenHash, Contact contact, AccessScope scope, CommunityGroup group,
                         Instant passwordSetAt, Instant now, Instant expiresAt) {
        if ((scope == AccessScope.COMMUNITY) != (group != null)) {
            throw new IllegalArgumentException("a community session names its group; a membership session none");
        }
        this.tokenHash = tokenHash;
        this.contact = contact;
        this.scope = scope;
        this.group = group;
        this.passwordSetAt = passwordSetAt;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /**
     * True while the credential still has the password this session was opened with, and the
     * session was created after that password was set.
     */
    public boolean matchesPassword(Credential credential) {
        Instant current = credential == null ? null : credential.getPasswordSetAt();
        if (current == null || !credential.hasPassword()) {
            return false;
        }
        return millis(current) == millis(passwordSetAt) && millis(createdAt) >= millis(current);
    }

    private static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    public UUID getId() {
        return id;
    }

    public String getTokenHash() {
        return tokenHash;
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

    public Instant getPasswordSetAt() {
        return passwordSetAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
