package org.memberdesk.portal;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a portal test over HTTP starts from: the portal running on a fresh data directory with the
 * demo business and a GreenMail server ({@link PortalFixture}), stopped after each test.
 */
abstract class PortalCase {

    @TempDir
    Path dir;
    PortalFixture f;

    @BeforeEach
    final void startPortal() {
        f = PortalFixture.start(dir);
    }

    @AfterEach
    final void stopPortal() {
        f.close();
    }
}
