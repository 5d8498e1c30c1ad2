package org.memberdesk.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.memberdesk.testsupport.TestClock;

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
        smtp = startSmtp(0);
        mail.useSmtp(smtp.getSmtp().getPort());
    }

    @AfterEach
    void closeMailAndSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
        mail.close();
    }

    /** A GreenMail SMTP server on 127.0.0.1; port 0 picks a free one. */
    static GreenMail startSmtp(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        GreenMail server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
        return server;
    }
}
