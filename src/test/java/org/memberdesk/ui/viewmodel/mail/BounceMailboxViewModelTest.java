package org.memberdesk.ui.viewmodel.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.memberdesk.service.Actor;
import org.memberdesk.service.email.BounceMailboxView;
import org.memberdesk.service.email.MailSecurity;
import org.memberdesk.testsupport.ServicesCase;
import org.memberdesk.testsupport.TestDsn;
import org.memberdesk.ui.common.Messages;
import org.memberdesk.ui.common.TestExecutor;
import org.memberdesk.ui.viewmodel.Tone;

/** The bounce mailbox section of Settings → Email over the real services, with GreenMail as the IMAP server. */
class BounceMailboxViewModelTest extends ServicesCase {

    final Messages messages = Messages.load();
    GreenMail imap;
    BounceMailboxViewModel section;

    @BeforeEach
    void form() {
        imap = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort());
        imap.start();
        imap.setUser(TestDsn.MAILBOX, TestDsn.MAILBOX, "imap-secret");
        section = new BounceMailboxViewModel(services.mailSettings(), services.emails(), TestExecutor.currentThread(),
                messages, Actor.agent("Sam (support)"));
        section.load();
    }

    @AfterEach
    void stopImap() {
        imap.stop();
    }

    @Test
    void savesTheMailboxKeepsThePasswordOutOfTheFormAndChecksIt() {
        assertThat(section.configuredProperty().get()).isFalse();
        assertThat(section.securityProperty().get().security()).isEqualTo(MailSecurity.SSL);

        section.hostProperty().set("127.0.0.1");
        section.securityProperty().set(section.securityChoices().stream()
                .filter(c -> c.security() == MailSecurity.NONE).findFirst().orElseThrow());
        section.portProperty().set(String.valueOf(imap.getImap().getPort()));
        section.userProperty().set(TestDsn.MAILBOX);
        section.passwordProperty().set("imap-secret");
        section.pollMinutesProperty().set("2");
        section.save();

        assertThat(section.outcomeProperty().get()).isEqualTo("Bounce mailbox saved.");
        assertThat(section.configuredProperty().get()).isTrue();
        assertThat(section.passwordStoredProperty().get()).isTrue();
        assertThat(section.passwordProperty().get()).isEmpty();
        BounceMailboxView stored = services.mailSettings().bounceMailbox();
        assertThat(stored.pollInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(stored.security()).isEqualTo(MailSecurity.NONE);

        section.checkNow();

        assertThat(section.outcomeProperty().get())
                .isEqualTo("No new bounce reports: 0 bounced, 0 delayed, 0 matching no email.");
        assertThat(section.outcomeToneProperty().get()).isEqualTo(Tone.GOOD);
    }

    @Test
    void aRefusedFormSaysWhyAndSavesNothing() {
        section.hostProperty().set("imap.example.com");
        section.securityProperty().set(section.securityChoices().stream()
                .filter(c -> c.security() == MailSecurity.NONE).findFirst().orElseThrow());
        section.userProperty().set(TestDsn.MAILBOX);
        section.save();

        assertThat(section.outcomeProperty().get()).contains("needs ssl or starttls");
        assertThat(section.outcomeToneProperty().get()).isEqualTo(Tone.BAD);
        assertThat(services.mailSettings().bounceMailbox().configured()).isFalse();

        section.portProperty().set("nine");
        section.save();
        assertThat(section.outcomeProperty().get()).isEqualTo("Port and minutes must be whole numbers.");
    }

    @Test
    void removeForgetsTheMailbox() {
        section.hostProperty().set("imap.example.com");
        section.userProperty().set(TestDsn.MAILBOX);
        section.save();

        section.remove();

        assertThat(section.configuredProperty().get()).isFalse();
        assertThat(section.hostProperty().get()).isEmpty();
        assertThat(services.mailSettings().bounceMailbox().configured()).isFalse();
    }
}
