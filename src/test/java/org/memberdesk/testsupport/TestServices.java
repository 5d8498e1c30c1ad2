package org.memberdesk.testsupport;

import java.nio.file.Path;
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
}
