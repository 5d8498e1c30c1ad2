package org.memberdesk.ui.viewmodel.contact;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.BounceMailboxForm;
import org.memberdesk.testsupport.SmtpServicesCase;
import org.memberdesk.testsupport.TestDsn;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.RecordingClipboard;
import org.memberdesk.ui.common.RecordingDialogService;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.DeliveryFeed;
import org.memberdesk.ui.viewmodel.DisplayTime;
import org.memberdesk.ui.viewmodel.Tone;

/** Email History of a welcome that was accepted, then bounced: a report read from the bounce mailbox (GreenMail IMAP). */
class BouncedEmailHistoryTest extends SmtpServicesCase {

    static final String DANA = "dana@example.com";

    final Messages messages = Messages.load();
    final TestExecutor executor = TestExecutor.currentThread().holdTimers();
    final Actor agent = Actor.agent("Sam (support)");
    GreenMail imap;
    DeliveryFeed feed;
    UUID welcome;

    @BeforeEach
    void bouncedWelcome() throws Exception {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        GreenMailUser mailbox = imap.setUser(TestDsn.MAILBOX, TestDsn.MAILBOX, "imap-secret");
        services.mailSettings().saveBounceMailbox(new BounceMailboxForm("127.0.0.1", imap.getImap().getPort(), "none",
                TestDsn.MAILBOX, "imap-secret", Duration.ofMinutes(1)), agent);
        services.offers().create("Momentum Membership", null, agent);
        services.contacts().add(DANA, "Dana", List.of(), agent);
        services.offers().grant(DANA, "Momentum Membership", null, agent);
        welcome = services.credentials().resendWelcome(DANA, "Momentum Membership", agent).id();
        services.emails().runOutbox(true);
        MimeMessage report = TestDsn.report(services.emails().detail(welcome).email().messageId(), DANA, "failed",
                "5.1.1", "smtp; 550 5.1.1 User unknown");
        report.saveChanges();
        mailbox.deliver(report);
        services.emails().checkBounces();
        feed = new DeliveryFeed(executor, services.emails());
    }

    @AfterEach
    void stop() {
        feed.close();
        imap.stop();
    }

    @Test
    void showsBouncedWithTheReportsStatusAndDiagnosticAndOffersRetry() {
        EmailHistoryViewModel history = new EmailHistoryViewModel(services.emails(),
                services.contacts().byEmail(DANA).id(), feed, new EmailHistoryViewModel.Tools(executor,
                RecordingDialogService.accepting(), new RecordingClipboard(), messages,
                new DisplayTime(ZoneOffset.UTC, messages.locale()), agent));
        history.load();

        EmailRow row = history.rows().stream().filter(r -> r.id().equals(welcome)).findFirst().orElseThrow();
        assertThat(row.status()).isEqualTo("Bounced (5.1.1)");
        assertThat(row.statusTone()).isEqualTo(Tone.BAD);
        assertThat(row.reply()).isEqualTo("bounced: 5.1.1 550 5.1.1 User unknown");

        history.statusFilterProperty().set(history.statusChoices().stream()
                .filter(c -> c.label().equals("Failed")).findFirst().orElseThrow());
        assertThat(history.rows()).extracting(EmailRow::id).contains(welcome);

        history.selectedProperty().set(row);
        assertThat(history.openedProperty().get().status()).isEqualTo("Bounced (5.1.1)");
        assertThat(history.openedProperty().get().retryable()).isTrue();
        assertThat(history.canRetry().get()).isTrue();
    }
}
