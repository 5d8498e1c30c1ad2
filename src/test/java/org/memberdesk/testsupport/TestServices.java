package org.memberdesk.testsupport;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;

/**
 * Opens the real back end for a temporary data directory: on a real SQLite file in it, or on this
 * run's PostgreSQL server in a schema of its own ({@link TestDatabases}).
 */
public final class TestServices {

    public static final String START = "2026-03-02T09:00:00Z";

    private TestServices() {
    }

    public static Services open(Path dir, Clock clock) {
        return open(dir, clock, System.getenv());
    }

    /** With exactly this environment (MEMBERDESK_SMTP_*, MEMBERDESK_PORTAL_URL, ...) instead of the process's. */
    public static Services open(Path dir, Clock clock, Map<String, String> env) {
        return Services.open(new DataDirectory(dir), clock, TestDatabases.env(dir, env));
    }
}
