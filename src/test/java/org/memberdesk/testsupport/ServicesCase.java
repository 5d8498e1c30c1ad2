package org.memberdesk.testsupport;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.service.Services;

/**
 * What a back-end test starts from: the services open on a fresh data directory with a test clock
 * at {@link TestServices#START}, closed after each test. A test class that delivers mail extends
 * {@link SmtpServicesCase} instead.
 */
public abstract class ServicesCase {

    @TempDir
    protected Path dir;
    protected final TestClock clock = TestClock.at(TestServices.START);
    protected Services services;
    /** The SMTP server the services send to, in a {@link SmtpServicesCase}. */
    protected GreenMail smtp;

    /** Whether the services send to {@link #smtp}; without it they see the process's environment. */
    boolean deliversMail() {
        return false;
    }

    @BeforeEach
    protected final void openServices() {
        if (deliversMail()) {
            smtp = TestSmtp.startServer(0);
            services = TestServices.open(dir, clock, TestSmtp.env(smtp.getSmtp().getPort()));
        } else {
            services = TestServices.open(dir, clock);
        }
    }

    @AfterEach
    protected final void closeServices() {
        services.close();
        if (smtp != null) {
            smtp.stop();
        }
    }
}
