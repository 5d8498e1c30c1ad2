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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * A browser signed in at one door (the membership portal or one community group). Only the
 * SHA-256 of the session id is kept. It counts only if it was created after the credential's
 * password was set, and only while the credential still has the password it was opened with (it
 * keeps a SHA-256 of that salted hash): once the password changes, the session no longer counts.
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

    /** SHA-256 of the credential's salted password hash when the session began. */
    @Column(name = "password_fingerprint", nullable = false, length = 64)
    private String passwordFingerprint;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    protected PortalSession() {
    }

    public PortalSession(String tokenHash, Contact contact, AccessScope scope, CommunityGroup group,
                         Credential credential, Instant now, Instant expiresAt) {
        if ((scope == AccessScope.COMMUNITY) != (group != null)) {
            throw new IllegalArgumentException("a community session names its group; a membership session none");
        }
        this.tokenHash = tokenHash;
        this.contact = contact;
        this.scope = scope;
        this.group = group;
        if (credential == null) {
            throw new IllegalArgumentException("a session belongs to a credential");
        }
        // a sign-in link may open a session for a contact who never chose a password
        this.passwordFingerprint = fingerprint(credential.hasPassword() ? credential.getPasswordHash() : null);
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /**
     * True while the credential still has the password this session was opened with, and the
     * session was created after that password was set (to the millisecond, as stored).
     */
    public boolean matchesPassword(Credential credential) {
        if (credential != null && !credential.hasPassword()) {
            return NO_PASSWORD.equals(passwordFingerprint);
        }
        if (credential == null || credential.getPasswordSetAt() == null) {
            return false;
        }
        return createdAt.toEpochMilli() >= credential.getPasswordSetAt().toEpochMilli()
                && MessageDigest.isEqual(passwordFingerprint.getBytes(StandardCharsets.US_ASCII),
                        fingerprint(credential.getPasswordHash()).getBytes(StandardCharsets.US_ASCII));
    }

    /** The fingerprint of a session opened while the credential had no password (through a sign-in link). */
    private static final String NO_PASSWORD = "no-password";

    private static String fingerprint(String passwordHash) {
        if (passwordHash == null) {
            return NO_PASSWORD;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(passwordHash.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
