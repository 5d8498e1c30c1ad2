package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/** A community space with its own members and its own password per member. */
@Entity
@Table(name = "community_group")
public class CommunityGroup {

    public static final int MAX_NAME = 120;

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    /** URL-safe lower-case name used in /community/{slug} and for case-insensitive lookups. */
    @Column(nullable = false, unique = true, length = MAX_NAME)
    private String slug;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected CommunityGroup() {
    }

    public CommunityGroup(String name, Instant now) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("group name is required");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("group name is longer than " + MAX_NAME + " characters");
        }
        this.name = trimmed;
        this.slug = slug(trimmed);
        if (slug.isEmpty()) {
            throw new InvalidInputException("group name needs at least one letter or digit");
        }
        this.createdAt = now;
    }

    public static String slug(String name) {
        String lower = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return lower.replaceAll("[^\\p{L}\\p{N}]+", "-").replaceAll("(^-+|-+$)", "");
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
