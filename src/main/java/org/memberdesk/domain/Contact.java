package org.memberdesk.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A person who buys offers and logs in to the Client Portal. */
@Entity
@Table(name = "contact")
public class Contact {

    public static final int MAX_NAME = 200;
    public static final int MAX_TAG = 60;

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, unique = true, length = 320)
    private String email;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_tag", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "tag", nullable = false, length = MAX_TAG)
    private Set<String> tags = new TreeSet<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
    }

    public Contact(String email, String name, Collection<String> tags, Instant now) {
        this.email = EmailAddress.normalize(email);
        rename(name);
        replaceTags(tags);
        this.createdAt = now;
        this.updatedAt = now;
    }

    public static String normalizeTag(String raw) {
        String tag = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (tag.isEmpty()) {
            throw new InvalidInputException("a tag may not be empty");
        }
        if (tag.length() > MAX_TAG) {
            throw new InvalidInputException("tag '" + tag + "' is longer than " + MAX_TAG + " characters");
        }
        if (tag.contains(";") || tag.contains(",")) {
            throw new InvalidInputException("tag '" + tag + "' may not contain ';' or ','");
        }
        return tag;
    }

    public void rename(String newName) {
        String trimmed = newName == null ? "" : newName.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("name is required");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("name is longer than " + MAX_NAME + " characters");
        }
        this.name = trimmed;
    }

    public void changeEmail(String newEmail) {
        this.email = EmailAddress.normalize(newEmail);
    }

    public void replaceTags(Collection<String> newTags) {
        Set<String> normalized = new TreeSet<>();
        if (newTags != null) {
            for (String tag : newTags) {
                normalized.add(normalizeTag(tag));
            }
        }
        tags.clear();
        tags.addAll(normalized);
    }

    /** Adds a tag; returns false when the contact already had it. */
    public boolean addTag(String tag) {
        return tags.add(normalizeTag(tag));
    }

    public boolean removeTag(String tag) {
        return tags.remove(normalizeTag(tag));
    }

    public void touch(Instant now) {
        this.updatedAt = now;
    }

    public UUID getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return name;
    }

    public Set<String> getTags() {
        return Collections.unmodifiableSet(tags);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
