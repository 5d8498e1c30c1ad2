package org.memberdesk.service.workflow;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** What a workflow test starts from: a {@link WorkflowFixture} on a fresh data directory, closed after each test. */
abstract class WorkflowCase {

    @TempDir
    Path dir;
    WorkflowFixture f;

    @BeforeEach
    final void openFixture() {
        f = new WorkflowFixture(dir);
    }

    @AfterEach
    final void closeFixture() {
        f.close();
    }
}
