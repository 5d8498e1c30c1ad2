package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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
import org.hibernate.annotations.UuidGenerator;

/** A contact's place in one community group, with that group's own password. */
@Entity
@Table(name = "community_membership")
public class CommunityMembership {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "group_id", nullable = false)
    private CommunityGroup group;

    @Embedded
    private Credential credential = new Credential();

    @Column(name = "joined_at", nullable = false)
    private Instant joinedAt;

    @Version
    private long version;

    protected CommunityMembership() {
    }

    public CommunityMembership(Contact contact, CommunityGroup group, Instant now) {
        this.contact = contact;
        this.group = group;
        this.joinedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public CommunityGroup getGroup() {
        return group;
    }

    public Credential getCredential() {
        return credential;
    }

    public Instant getJoinedAt() {
        return joinedAt;
    }
}
