package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.UuidGenerator;

/**
 * One recorded action: who, when, what, on which contact, with what outcome. Keeps the
 * contact's id and email as they were, without a foreign key, so the record outlives edits.
 */
@Entity
@Table(name = "audit_event")
@SQLRestriction(ImportBatch.VISIBLE)
public class AuditEvent {

    public enum Outcome implements Coded {
        OK, REFUSED, FAILED
    }

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    /** The unfinished import that wrote this row, which hides it until released (see {@link ImportBatch}). */
    @Column(name = "import_batch_id", updatable = false)
    private UUID importBatch;

    @Column(nullable = false)
    private Instant at;

    @Column(nullable = false, length = 200)
    private String agent;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Origin origin;

    @Column(nullable = false, length = 80)
    private String action;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "contact_email", length = 320)
    private String contactEmail;

    @Column(length = 4000)
    private String detail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Outcome outcome;

    protected AuditEvent() {
    }

    public AuditEvent(Instant at, String agent, Origin origin, String action, UUID contactId,
                      String contactEmail, String detail, Outcome outcome) {
        this.at = at;
        this.agent = agent;
        this.origin = origin;
        this.action = action;
        this.contactId = contactId;
        this.contactEmail = contactEmail;
        this.detail = detail;
        this.outcome = outcome;
    }

    public UUID getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getAgent() {
        return agent;
    }

    public Origin getOrigin() {
        return origin;
    }

    public String getAction() {
        return action;
    }

    public UUID getContactId() {
        return contactId;
    }

    public String getContactEmail() {
        return contactEmail;
    }

    public String getDetail() {
        return detail;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    /** Written by an import that has not finished yet: hidden until the batch is released. */
    public void inImportBatch(UUID batch) {
        this.importBatch = batch;
    }
}
