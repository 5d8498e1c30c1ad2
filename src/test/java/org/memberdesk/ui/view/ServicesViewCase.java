package org.memberdesk.ui.view;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * What TestFX tests of one window over a real data directory share: the directory, the robot, and
 * the services the test opens there, closed after each test once its windows are gone.
 */
abstract class ServicesViewCase {

    static final FxWait WAIT = FxWait.seconds(30);

    @TempDir
    Path dir;
    final FxRobot robot = new FxRobot();
    Services services;

    @AfterEach
    final void closeWindowsAndServices() throws Exception {
        FxToolkit.cleanupStages();
        if (services != null) {
            services.close();
        }
    }
}
