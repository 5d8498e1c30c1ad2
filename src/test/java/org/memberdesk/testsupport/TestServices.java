package org.memberdesk.testsupport;

import java.nio.file.Path;
import java.util.Map;
import org.memberdesk.service.Services;
import org.memberdesk.service.storage.DataDirectory;

/** Opens the real back end on a real SQLite file in a temporary data directory. */
public final class TestServices {

    public static final String START = "2026-03-02T09:00:00Z";

    private TestServices() {
    }

    public static Services open(Path dir, TestClock clock) {
        return Services.open(new DataDirectory(dir), clock);
    }

    /** With exactly this environment (MEMBERDESK_SMTP_*, MEMBERDESK_PORTAL_URL, ...) instead of the process's. */
    public static Services open(Path dir, TestClock clock, Map<String, String> env) {
        return Services.open(new DataDirectory(dir), clock, env);
    }
}
