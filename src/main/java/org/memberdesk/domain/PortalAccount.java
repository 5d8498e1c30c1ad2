package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** The contact's one membership login for the Client Portal. */
@Entity
@Table(name = "portal_account")
public class PortalAccount {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false, unique = true)
    private Contact contact;

    @Embedded
    private Credential credential = new Credential();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected PortalAccount() {
    }

    public PortalAccount(Contact contact, Instant now) {
        this.contact = contact;
        this.createdAt = now;
    }

    public UUID getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public Credential getCredential() {
        return credential;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
