package org.memberdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.memberdesk.domain.Contact;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.domain.Offer;
import org.memberdesk.domain.Origin;
import org.memberdesk.persistence.TestSessions;

/**
 * An email change cancels the links still waiting for the old address, but a message that was being
 * sent at that moment (or whose sender crashed) is not waiting: it may fail, be retried, or be
 * claimed again later. The dispatcher itself never mints a link for an address that is no longer
 * the contact's; the notice to the old address, which has no link, still goes.
 */
class ChangedAddressDeliveryTest extends SmtpDeliveryCase {

    static final String OLD = "ivan@gmial.com";
    static final String NEW = "ivan@gmail.com";

    @Test
    void aLinkEmailCaughtMidDeliveryByAnEmailChangeFailsInsteadOfGoingToTheOldAddress() throws Exception {
        UUID ivan = mail.contact(OLD, "Ivan Petrov", false);
        UUID offer = mail.offer("Momentum Membership", null);
        UUID welcome = mail.queue(ivan, (base, c) -> mail.composer.welcome(base, c,
                mail.db.read(t -> TestSessions.of(t).find(Offer.class, offer)), false, Duration.ofHours(72)));
        UUID reset = mail.queueReset(ivan);

        // The race: the welcome's attempt failed (it waits to be retried) and the reset was being sent
        // by a process that died, while the address changed; neither was "waiting", so neither was cancelled.
        Instant now = clock.instant();
        mail.db.writeVoid(t -> {
            EmailMessage w = t.emails().byId(welcome).orElseThrow();
            w.startAttempt(now.plus(Duration.ofMinutes(2)));
            w.markRetrying(now.plus(Duration.ofMinutes(1)), "421 4.3.2 try again later");
            t.emails().byId(reset).orElseThrow().startAttempt(now);
            Contact c = t.contacts().byId(ivan).orElseThrow();
            c.changeEmail(NEW);
            mail.outbox.enqueueTo(t, c, OLD, mail.composer.addressChanged(c.getName(), OLD, "i***@g***.com", now),
                    Origin.AGENT, "tester");
        });
        clock.advance(Duration.ofMinutes(5));

        Dispatcher.Result result = mail.dispatcher().runUntilEmpty();

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("only the notice").hasSize(1);
        assertThat(recipients(received[0])).containsExactly(OLD);
        assertThat(GreenMailUtil.getBody(received[0])).doesNotContain("/set-password/", "/reset/");
        assertThat(result.sent()).isEqualTo(1);
        assertThat(result.failed()).isEqualTo(2);
        for (UUID id : List.of(welcome, reset)) {
            EmailMessage m = mail.email(id);
            assertThat(m.getStatus()).isEqualTo(EmailStatus.FAILED);
            assertThat(m.getLastReply()).isEqualTo("not sent: the contact's email address was changed to " + NEW
                    + " before it went out; its link would have gone to " + OLD);
        }
        assertThat(tokens(ivan)).as("no link minted").isEmpty();

        // A link for the address the contact has now still goes.
        mail.queueReset(ivan);
        mail.dispatcher().runUntilEmpty();
        assertThat(smtp.getReceivedMessages()).hasSize(2);
        assertThat(recipients(smtp.getReceivedMessages()[1])).containsExactly(NEW);
        assertThat(tokens(ivan)).hasSize(1);
    }

    private List<CredentialToken> tokens(UUID contact) {
        return mail.read(t -> List.copyOf(t.tokens().ofContact(contact)));
    }

    private static List<String> recipients(MimeMessage message) throws Exception {
        return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).map(Object::toString).toList();
    }
}
