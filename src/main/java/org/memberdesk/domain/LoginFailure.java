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
 * One failed sign-in of a known contact at one door, recorded with the failure count it raised so
 * workflows can trigger on "N failures in M minutes".
 */
@Entity
@Table(name = "login_failure")
public class LoginFailure {

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

    @Column(nullable = false)
    private Instant at;

    protected LoginFailure() {
    }

    public LoginFailure(Contact contact, AccessScope scope, CommunityGroup group, Instant at) {
        this.contact = contact;
        this.scope = scope;
        this.group = group;
        this.at = at;
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

    public Instant getAt() {
        return at;
    }
}
