package org.memberdesk.service.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Flags;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.mail.BounceSettingsStore;
import org.memberdesk.service.Actor;
import org.memberdesk.service.UserError;
import org.memberdesk.service.diagnostics.Concern;
import org.memberdesk.service.diagnostics.DiagnosticCodes;
import org.memberdesk.service.diagnostics.Finding;
import org.memberdesk.service.diagnostics.Fix;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.testsupport.TestDsn;

/**
 * Bounces that arrive later: a welcome goes out through GreenMail SMTP and is accepted; a delivery
 * status report about it is put in the bounce mailbox on GreenMail's IMAP server; one poll reads it.
 */
class BounceMailboxTest extends SmtpServicesCase {

    static final String MAILBOX = TestDsn.MAILBOX;
    static final String DANA = "dana@example.com";

    final Actor agent = Actor.agent("Sam (support)");
    GreenMail imap;
    GreenMailUser mailbox;
    EmailView welcome;

    @BeforeEach
    void sentWelcomeAndBounceMailbox() {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        mailbox = imap.setUser(MAILBOX, MAILBOX, "imap-secret");
        services.mailSettings().saveBounceMailbox(new BounceMailboxForm("127.0.0.1", imap.getImap().getPort(), "none",
                MAILBOX, "imap-secret", Duration.ofMinutes(1)), agent);

        services.offers().create("Momentum Membership", null, agent);
        services.contacts().add(DANA, "Dana", List.of(), agent);
        services.offers().grant(DANA, "Momentum Membership", null, agent);
        UUID id = services.credentials().resendWelcome(DANA, "Momentum Membership", agent).id();
        services.emails().runOutbox(true);
        welcome = email(id);
        assertThat(welcome.status()).isEqualTo(EmailView.Status.SENT);
    }

    @AfterEach
    void stopImap() {
        imap.stop();
    }

    @Test
    void aPermanentFailureReportMarksTheSentEmailBouncedWithItsStatusAndDiagnostic() throws Exception {
        deliver(TestDsn.report(welcome.messageId(), DANA, "failed", "5.1.1",
                "smtp; 550 5.1.1 <dana@example.com>: Recipient address rejected: User unknown"));

        BounceCheck check = services.emails().checkBounces();

        assertThat(check).isEqualTo(new BounceCheck(true, 1, 1, 0, 0));
        EmailView bounced = email(welcome.id());
        assertThat(bounced.status()).isEqualTo(EmailView.Status.BOUNCED);
        assertThat(bounced.bounceStatus()).isEqualTo("5.1.1");
        assertThat(bounced.bounceDiagnostic())
                .isEqualTo("550 5.1.1 <dana@example.com>: Recipient address rejected: User unknown");
        assertThat(bounced.lastReply()).startsWith("bounced: 5.1.1 550 5.1.1");
        assertThat(flags()).containsExactly(new Flags(Flags.Flag.SEEN) {{ add(Flags.Flag.DELETED); }});

        // a restart (another poll) reads it no more
        assertThat(services.emails().checkBounces()).isEqualTo(new BounceCheck(true, 0, 0, 0, 0));
        assertThat(email(welcome.id()).status()).isEqualTo(EmailView.Status.BOUNCED);
    }

    @Test
    void aReportReturningOnlyTheHeadersIsMatchedByTheirMessageId() throws Exception {
        deliver(TestDsn.report(welcome.messageId(), DANA, "failed", "5.7.1", "smtp; 550 5.7.1 Message rejected",
                true));

        assertThat(services.emails().checkBounces().bounced()).isEqualTo(1);
        assertThat(email(welcome.id()).bounceStatus()).isEqualTo("5.7.1");
    }

    @Test
    void aBouncedEmailIsAHardBounceAmongTheOutboxProblems() throws Exception {
        deliver(TestDsn.report(welcome.messageId(), DANA, "failed", "5.1.1", "smtp; 550 5.1.1 User unknown"));
        services.emails().checkBounces();

        List<OutboxProblem> problems = services.outboxProblems().list(ProblemWindow.any());

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.email().id()).isEqualTo(welcome.id());
            assertThat(p.email().status()).isEqualTo(EmailView.Status.BOUNCED);
            assertThat(p.hardBounce()).isTrue();
        });
        // the status bar's "failed" counter, which opens Outbox problems, counts it
        assertThat(services.emails().outboxCounts().failed()).isEqualTo(1);
        assertThat(services.emails().outboxCounts().sent()).isZero();
    }

    @Test
    void diagnoseShowsTheBounceAndSuggestsCheckingTheAddressNotRetry() throws Exception {
        deliver(TestDsn.report(welcome.messageId(), DANA, "failed", "5.1.1", "smtp; 550 5.1.1 User unknown"));
        services.emails().checkBounces();

        List<Finding> findings = services.diagnostics().diagnose(DANA, Concern.offer("Momentum Membership"));

        Finding bounced = findings.get(0);
        assertThat(bounced.code()).isEqualTo(DiagnosticCodes.EMAIL_BOUNCED);
        assertThat(bounced.message()).contains("bounced after the server accepted it").contains("5.1.1");
        assertThat(bounced.evidence()).containsEntry("status", "bounced").containsEntry("bounceStatus", "5.1.1")
                .containsEntry("bounceDiagnostic", "550 5.1.1 User unknown");
        assertThat(bounced.fix().action()).isEqualTo(Fix.Action.CHECK_ADDRESS);
        assertThat(bounced.fix().label()).isEqualTo("Check the address");
        assertThat(bounced.fix().navigation()).isTrue();
        assertThat(bounced.fixes()).extracting(Fix::action).doesNotContain(Fix.Action.RETRY_EMAIL);
    }

    @Test
    void aDelayReportLeavesTheEmailSentAndIsNotReadAgain() throws Exception {
        deliver(TestDsn.report(welcome.messageId(), DANA, "delayed", "4.4.7", "smtp; 451 4.4.7 mailbox busy, still trying"));

        assertThat(services.emails().checkBounces()).isEqualTo(new BounceCheck(true, 1, 0, 1, 0));

        assertThat(email(welcome.id()).status()).isEqualTo(EmailView.Status.SENT);
        assertThat(email(welcome.id()).bounceStatus()).isNull();
        assertThat(services.emails().checkBounces().reports()).isZero();
    }

    @Test
    void aReportThatMatchesNoEmailChangesNothingAndStaysInTheMailboxSeen() throws Exception {
        String unknown = "<" + UUID.randomUUID() + ".1@example.com>";
        deliver(TestDsn.report(unknown, DANA, "failed", "5.1.1", "smtp; 550 5.1.1 User unknown"));

        assertThat(services.emails().checkBounces()).isEqualTo(new BounceCheck(true, 1, 0, 0, 1));

        assertThat(email(welcome.id()).status()).isEqualTo(EmailView.Status.SENT);
        assertThat(flags()).containsExactly(new Flags(Flags.Flag.SEEN));
        assertThat(services.emails().checkBounces().reports()).isZero();
    }

    @Test
    void anEmailThatIsNotAReportIsLeftUnread() throws Exception {
        MimeMessage reply = new MimeMessage(Session.getInstance(new Properties()));
        reply.setFrom(new InternetAddress(DANA));
        reply.setRecipients(Message.RecipientType.TO, MAILBOX);
        reply.setSubject("Re: Welcome");
        reply.setText("Thanks!");
        deliver(reply);

        assertThat(services.emails().checkBounces()).isEqualTo(new BounceCheck(true, 0, 0, 0, 0));
        assertThat(flags()).containsExactly(new Flags());
    }

    @Test
    void mailGoesOutWithAVerpReturnPathAndAReportSentBackToItIsMatchedWithoutTheMessageId() throws Exception {
        String returnPath = "bounces+" + welcome.id() + "@example.com";
        assertThat(smtp.getReceivedMessages()[0].getHeader("Return-Path")[0]).isEqualTo("<" + returnPath + ">");

        MimeMessage report = TestDsn.report(null, DANA, "failed", "5.2.1", "smtp; 550 5.2.1 mailbox disabled");
        report.setRecipients(Message.RecipientType.TO, returnPath);
        deliver(report);

        assertThat(services.emails().checkBounces().bounced()).isEqualTo(1);
        assertThat(email(welcome.id()).status()).isEqualTo(EmailView.Status.BOUNCED);
        assertThat(email(welcome.id()).bounceStatus()).isEqualTo("5.2.1");
    }

    @Test
    void aBouncedEmailCanBeRetriedOnceTheAddressIsFixed() throws Exception {
        deliver(TestDsn.report(welcome.messageId(), DANA, "failed", "5.1.1", "smtp; 550 5.1.1 User unknown"));
        services.emails().checkBounces();

        services.emails().retry(welcome.id(), agent);
        services.emails().runOutbox(true);

        EmailView again = email(welcome.id());
        assertThat(again.status()).isEqualTo(EmailView.Status.SENT);
        assertThat(again.bounceStatus()).isNull();
    }

    @Test
    void theMailboxIsStoredLikeTheSmtpSettingsThePasswordOnlyEncrypted() {
        BounceMailboxView view = services.mailSettings().bounceMailbox();

        assertThat(view.configured()).isTrue();
        assertThat(view.host()).isEqualTo("127.0.0.1");
        assertThat(view.security()).isEqualTo(MailSecurity.NONE);
        assertThat(view.user()).isEqualTo(MAILBOX);
        assertThat(view.passwordSet()).isTrue();
        assertThat(view.pollInterval()).isEqualTo(Duration.ofMinutes(1));
        String stored = services.transactions().read(t -> t.settings().get(BounceSettingsStore.PASSWORD)).orElseThrow();
        assertThat(stored).doesNotContain("imap-secret").startsWith("aesgcm1:");
    }

    @Test
    void aMailboxOnAnotherHostNeedsTls() {
        assertThatThrownBy(() -> services.mailSettings().saveBounceMailbox(new BounceMailboxForm("imap.example.com",
                null, "none", MAILBOX, "x", null), agent))
                .isInstanceOf(UserError.class).hasMessageContaining("needs ssl or starttls");
        BounceMailboxView imaps = services.mailSettings().saveBounceMailbox(new BounceMailboxForm("imap.example.com",
                null, null, MAILBOX, null, null), agent);
        assertThat(imaps.security()).isEqualTo(MailSecurity.SSL);
        assertThat(imaps.port()).isEqualTo(993);
        assertThat(imaps.pollInterval()).isEqualTo(Duration.ofMinutes(5));
        assertThat(imaps.passwordSet()).isTrue();
    }

    @Test
    void withoutABounceMailboxNothingIsReadAndNoReturnPathIsSet() throws Exception {
        services.mailSettings().clearBounceMailbox(agent);

        assertThat(services.emails().checkBounces().configured()).isFalse();
        clock.advance(Duration.ofMinutes(11));
        services.credentials().resendWelcome(DANA, "Momentum Membership", agent);
        services.emails().runOutbox(true);
        assertThat(smtp.getReceivedMessages()[1].getHeader("Return-Path")[0]).doesNotContain("bounces+");
    }

    @Test
    void deliveryInTheBackgroundReadsTheMailboxToo() {
        services.emails().startBackgroundDelivery();
        assertThat(services.emails().bouncePollingRunning()).isTrue();
        services.emails().stopBackgroundDelivery();
        assertThat(services.emails().bouncePollingRunning()).isFalse();
    }

    private EmailView email(UUID id) {
        return services.emails().detail(id).email();
    }

    private void deliver(MimeMessage message) throws Exception {
        message.saveChanges();
        mailbox.deliver(message);
    }

    private List<Flags> flags() throws Exception {
        List<Flags> flags = new java.util.ArrayList<>();
        for (var stored : imap.getManagers().getImapHostManager().getInbox(mailbox).getMessages()) {
            flags.add(stored.getFlags());
        }
        return flags;
    }
}
