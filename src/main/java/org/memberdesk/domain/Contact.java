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
import java.text.Normalizer;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.UuidGenerator;

/** A person who buys offers and logs in to the Client Portal. */
@Entity
@Table(name = "contact")
@SQLRestriction(ImportBatch.VISIBLE)
public class Contact {

    public static final int MAX_NAME = 200;
    public static final int MAX_TAG = 60;

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    /** The unfinished import that wrote this row, which hides it until released (see {@link ImportBatch}). */
    @Column(name = "import_batch_id", updatable = false)
    private UUID importBatch;

    @Column(nullable = false, unique = true, length = 320)
    private String email;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "contact_tag", joinColumns = @JoinColumn(name = "contact_id"))
    @Column(name = "tag", nullable = false, length = MAX_TAG)
    private Set<String> tags = new TreeSet<>();

    /**
     * What search looks in: the name, the email and each tag, folded by {@link #fold(String)},
     * one per line, name first. Ordering by it orders by name, then email.
     */
    @Column(name = "search_text", nullable = false, length = 20000)
    private String searchText;

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

    /** Case- and composition-insensitive form of text for search: NFC, then lower case. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private void refreshSearchText() {
        StringBuilder text = new StringBuilder(line(name)).append('\n').append(line(email));
        for (String tag : tags) {
            text.append('\n').append(line(tag));
        }
        this.searchText = text.toString();
    }

    /** One line of the search text: a line break inside a value would start a line of its own. */
    private static String line(String value) {
        return value == null ? "" : fold(value).replace('\n', ' ').replace('\r', ' ');
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
        refreshSearchText();
    }

    public void changeEmail(String newEmail) {
        this.email = EmailAddress.normalize(newEmail);
        refreshSearchText();
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
        refreshSearchText();
    }

    /** Adds a tag; returns false when the contact already had it. */
    public boolean addTag(String tag) {
        boolean added = tags.add(normalizeTag(tag));
        refreshSearchText();
        return added;
    }

    public boolean removeTag(String tag) {
        boolean removed = tags.remove(normalizeTag(tag));
        refreshSearchText();
        return removed;
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

    public String getSearchText() {
        return searchText;
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

    /** Written by an import that has not finished yet: hidden until the batch is released. */
    public void inImportBatch(UUID batch) {
        this.importBatch = batch;
    }
}
