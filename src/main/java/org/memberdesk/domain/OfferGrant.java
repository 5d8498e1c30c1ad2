package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.UuidGenerator;

/** A contact's membership through one offer. One row per (contact, offer); a re-grant reactivates it. */
@Entity
@Table(name = "offer_grant")
@SQLRestriction(ImportBatch.VISIBLE)
public class OfferGrant {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    /** The unfinished import that wrote this row, which hides it until released (see {@link ImportBatch}). */
    @Column(name = "import_batch_id", updatable = false)
    private UUID importBatch;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "offer_id", nullable = false)
    private Offer offer;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoke_reason", length = 1000)
    private String revokeReason;

    @Column(name = "granted_by", nullable = false, length = 200)
    private String grantedBy;

    @Version
    private long version;

    protected OfferGrant() {
    }

    public OfferGrant(Contact contact, Offer offer, Instant now, Instant expiresAt, String grantedBy) {
        this.contact = contact;
        this.offer = offer;
        regrant(now, expiresAt, grantedBy);
    }

    public GrantStatus status(Instant now) {
        if (revokedAt != null) {
            return GrantStatus.REVOKED;
        }
        if (expiresAt != null && !expiresAt.isAfter(now)) {
            return GrantStatus.EXPIRED;
        }
        return GrantStatus.ACTIVE;
    }

    public boolean isActive(Instant now) {
        return status(now) == GrantStatus.ACTIVE;
    }

    public final void regrant(Instant now, Instant newExpiresAt, String by) {
        if (newExpiresAt != null && !newExpiresAt.isAfter(now)) {
            throw new InvalidInputException("the end date must be in the future");
        }
        this.grantedAt = now;
        this.expiresAt = newExpiresAt;
        this.revokedAt = null;
        this.revokeReason = null;
        this.grantedBy = by;
    }

    public void revoke(Instant now, String reason) {
        this.revokedAt = now;
        this.revokeReason = reason == null || reason.isBlank() ? null : reason.strip();
    }

    public UUID getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public Offer getOffer() {
        return offer;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Instant getRevokedAt() {
        return revokedAt;
    }

    public String getRevokeReason() {
        return revokeReason;
    }

    public String getGrantedBy() {
        return grantedBy;
    }

    /** Written by an import that has not finished yet: hidden until the batch is released. */
    public void inImportBatch(UUID batch) {
        this.importBatch = batch;
    }
}
