package org.memberdesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.testsupport.TestDsn;
import org.memberdesk.testsupport.TestSmtp;

/**
 * {@code mail bounces} and bounced emails in {@code emails failed}: a welcome goes out through
 * GreenMail SMTP, a delivery status report about it lands in the bounce mailbox on GreenMail IMAP.
 */
class BouncesCommandTest extends CliCase {

    static final String DANA = "dana@example.com";

    TestSmtp smtp;
    GreenMail imap;
    GreenMailUser mailbox;

    @BeforeEach
    void servers() {
        smtp = TestSmtp.start();
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        mailbox = imap.setUser(TestDsn.MAILBOX, TestDsn.MAILBOX, "imap-secret");
        cli = cli.withEnv(smtp.env());
    }

    @AfterEach
    void stopServers() {
        imap.stop();
        smtp.close();
    }

    @Test
    void savesShowsAndClearsTheBounceMailboxThePasswordNeverShown() {
        List<String> saved = cli.withStdin("imap-secret\n").run("mail", "bounces", "--host", "127.0.0.1", "--port",
                String.valueOf(imap.getImap().getPort()), "--security", "none", "--user", TestDsn.MAILBOX,
                "--password-stdin", "--poll-seconds", "60").succeeded().out().lines().toList();

        assertThat(saved).containsExactly("saved the bounce mailbox",
                "bounce mailbox: bounces@example.com at 127.0.0.1:" + imap.getImap().getPort() + " (none)",
                "password: set", "read every 60 seconds while delivery runs");
        JsonNode shown = cli.run("mail", "bounces", "--json").succeeded().json();
        assertThat(ContactsCommandTest.fieldNames(shown)).containsExactly("configured", "host", "port", "security",
                "user", "passwordSet", "pollSeconds", "warnings");
        assertThat(shown.get("passwordSet").asBoolean()).isTrue();
        assertThat(shown.toString()).doesNotContain("imap-secret");

        assertThat(cli.run("mail", "bounces", "--host", "imap.example.com", "--security", "none", "--user", "b@x.org")
                .userError()).contains("needs ssl or starttls");
        assertThat(cli.run("mail", "bounces", "--clear").succeeded().out())
                .isEqualTo("removed the bounce mailbox\nbounce mailbox: none (bounces that arrive later are not read)\n");
        assertThat(cli.run("mail", "bounces", "--check").userError()).contains("no bounce mailbox is set");
    }

    @Test
    void aBounceReadWithCheckIsListedByEmailsFailedAsBounced() throws Exception {
        cli.withStdin("imap-secret\n").run("mail", "bounces", "--host", "127.0.0.1", "--port",
                String.valueOf(imap.getImap().getPort()), "--security", "none", "--user", TestDsn.MAILBOX,
                "--password-stdin").succeeded();
        cli.run("contacts", "add", "--email", DANA, "--name", "Dana").succeeded();
        cli.run("offers", "create", "--name", "Momentum Membership").succeeded();
        cli.run("offers", "grant", "--contact", DANA, "--offer", "Momentum Membership").succeeded();
        MimeMessage welcome = smtp.receivedFor(DANA).get(0);
        assertThat(welcome.getHeader("Return-Path")[0]).startsWith("<bounces+");
        MimeMessage report = TestDsn.report(welcome.getMessageID(), DANA, "failed", "5.1.1",
                "smtp; 550 5.1.1 <dana@example.com>: User unknown");
        report.saveChanges();
        mailbox.deliver(report);

        assertThat(cli.run("mail", "bounces", "--check").succeeded().out())
                .isEqualTo("read 1 report: 1 bounced, 0 delayed (nothing changed), 0 matching no email "
                        + "(left in the mailbox)\n");

        JsonNode failed = cli.run("emails", "failed", "--json").succeeded().json();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("status").asText()).isEqualTo("bounced");
        assertThat(failed.get(0).get("contact").asText()).isEqualTo(DANA);
        assertThat(failed.get(0).get("hardBounce").asBoolean()).isTrue();
        assertThat(failed.get(0).get("lastReply").asText())
                .isEqualTo("bounced: 5.1.1 550 5.1.1 <dana@example.com>: User unknown");
        List<String> lines = cli.run("emails", "failed").succeeded().out().lines().toList();
        assertThat(lines.get(0)).contains("\tbounced\twelcome\t" + DANA + "\t1 attempt: bounced: 5.1.1")
                .endsWith("\thard bounce");
        assertThat(lines.get(1)).isEqualTo("1 email: 0 failed (0 hard bounces), 1 bounced, 0 retrying");
        assertThat(cli.run("mail", "bounces", "--check").succeeded().out()).startsWith("read 0 reports: 0 bounced");
    }
}
