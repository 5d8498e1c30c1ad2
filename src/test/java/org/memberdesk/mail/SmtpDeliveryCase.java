package org.memberdesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.testsupport.TestClock;
import org.memberdesk.testsupport.TestSmtp;

/**
 * What every delivery test over a real socket starts from: a fresh data directory with the mail
 * pipeline ({@link MailFixture}) on a test clock, pointed at a GreenMail SMTP server on a free
 * localhost port; both closed after each test.
 */
abstract class SmtpDeliveryCase {

    @TempDir
    Path dir;
    TestClock clock = TestClock.at("2026-03-02T09:00:00Z");
    MailFixture mail;
    GreenMail smtp;

    @BeforeEach
    void openMailAndSmtp() {
        mail = new MailFixture(dir, clock);
        smtp = TestSmtp.startServer(0);
        mail.useSmtp(smtp.getSmtp().getPort());
    }

    @AfterEach
    void closeMailAndSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
        mail.close();
    }
}
