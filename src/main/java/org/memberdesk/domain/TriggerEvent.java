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
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.UuidGenerator;

/** Something that happened and may start workflows; written in the same transaction as its cause. */
@Entity
@Table(name = "trigger_event")
@SQLRestriction(ImportBatch.VISIBLE)
public class TriggerEvent {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    /** The unfinished import that wrote this row, which hides it until released (see {@link ImportBatch}). */
    @Column(name = "import_batch_id", updatable = false)
    private UUID importBatch;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private TriggerType type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "offer_id")
    private Offer offer;

    @Column(length = 1000)
    private String detail;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "processed_at")
    private Instant processedAt;

    protected TriggerEvent() {
    }

    public TriggerEvent(TriggerType type, Contact contact, Offer offer, String detail, Instant now) {
        this.type = type;
        this.contact = contact;
        this.offer = offer;
        this.detail = detail;
        this.createdAt = now;
    }

    public void markProcessed(Instant now) {
        this.processedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public TriggerType getType() {
        return type;
    }

    public Contact getContact() {
        return contact;
    }

    public Offer getOffer() {
        return offer;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }

    /** Written by an import that has not finished yet: hidden until the batch is released. */
    public void inImportBatch(UUID batch) {
        this.importBatch = batch;
    }
}
