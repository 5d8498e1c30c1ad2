package org.memberdesk.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.hibernate.annotations.UuidGenerator;

/**
 * An automation: a trigger, filters and ordered actions. The name, the state and the trigger
 * type are columns (looked up and listed); the trigger's options, the filters and the actions
 * are one JSON definition that the service layer reads and validates.
 */
@Entity
@Table(name = "workflow")
public class Workflow {

    public static final int MAX_NAME = 120;
    public static final int MAX_DEFINITION = 20_000;

    @Id
    @GeneratedValue
    @UuidGenerator(style = UuidGenerator.Style.VERSION_7)
    private UUID id;

    @Column(nullable = false, length = MAX_NAME)
    private String name;

    @Column(name = "name_key", nullable = false, length = MAX_NAME)
    private String nameKey;

    @Column(nullable = false)
    private boolean enabled;

    @Enumerated(EnumType.STRING)
    @Column(name = "trigger_type", nullable = false, length = 40)
    private TriggerType triggerType;

    @Column(nullable = false, length = MAX_DEFINITION)
    private String definition;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Workflow() {
    }

    public Workflow(String name, boolean enabled, TriggerType triggerType, String definition, Instant now) {
        change(name, triggerType, definition, now);
        this.enabled = enabled;
        this.createdAt = now;
    }

    /** Case-insensitive, trimmed: two workflows may not differ only in case. */
    public static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    public final void change(String newName, TriggerType newTriggerType, String newDefinition, Instant now) {
        String trimmed = newName == null ? "" : newName.trim();
        if (trimmed.isEmpty()) {
            throw new InvalidInputException("workflow name is required");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new InvalidInputException("workflow name is longer than " + MAX_NAME + " characters");
        }
        if (newDefinition == null || newDefinition.length() > MAX_DEFINITION) {
            throw new InvalidInputException("the workflow definition is too long");
        }
        this.name = trimmed;
        this.nameKey = key(trimmed);
        this.triggerType = newTriggerType;
        this.definition = newDefinition;
        this.updatedAt = now;
    }

    /** Returns false when it already was in that state. */
    public boolean setEnabled(boolean newState, Instant now) {
        if (enabled == newState) {
            return false;
        }
        this.enabled = newState;
        this.updatedAt = now;
        return true;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public TriggerType getTriggerType() {
        return triggerType;
    }

    public String getDefinition() {
        return definition;
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
