package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A free-text note on a contact, written by an agent or a workflow. */
@Entity
@Table(name = "contact_note")
public class ContactNote {

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "contact_id", nullable = false)
    private Contact contact;

    @Column(nullable = false, length = 4000)
    private String body;

    @Column(nullable = false, length = 200)
    private String author;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ContactNote() {
    }

    public ContactNote(Contact contact, String body, String author, Instant now) {
        if (body == null || body.isBlank()) {
            throw new InvalidInputException("a note may not be empty");
        }
        this.contact = contact;
        this.body = body.strip();
        this.author = author;
        this.createdAt = now;
    }

    public UUID getId() {
        return id;
    }

    public Contact getContact() {
        return contact;
    }

    public String getBody() {
        return body;
    }

    public String getAuthor() {
        return author;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
