package org.memberdesk.persistence;

import java.util.Locale;

/**
 * How much an opening process checks the schema. Migrating with Flyway and validating the mapping
 * with Hibernate take seconds of a command's start; when the database's applied migrations are
 * exactly the ones this build ships (same versions, same checksums), both would find nothing to do.
 */
public enum SchemaCheck {

    /** Always migrate and validate: the test suite and CI, so a mapping that drifts from the schema fails there. */
    ALWAYS,

    /** Migrate and validate only when the applied migrations differ from the shipped ones. */
    WHEN_CHANGED;

    /** The system property that chooses: {@code always}, or anything else for {@link #WHEN_CHANGED}. */
    public static final String PROPERTY = "memberdesk.schema.check";

    /** What this process was started with ({@code -Dmemberdesk.schema.check=always}; the build's tests set it). */
    public static SchemaCheck configured() {
        String value = System.getProperty(PROPERTY, "");
        return value.strip().toLowerCase(Locale.ROOT).equals("always") ? ALWAYS : WHEN_CHANGED;
    }
}
