package org.memberdesk.ui.viewmodel;

import java.nio.file.Path;
import org.memberdesk.service.Services;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestServices;

/** A temporary data directory with the demo data set in it. */
public final class DemoDirectory {

    private DemoDirectory() {
    }

    /** Seeds the demo data into {@code dir} and returns the still open services. */
    public static Services seeded(Path dir, TestClock clock) {
        Services services = TestServices.open(dir, clock);
        services.demo().seed();
        return services;
    }
}
