package org.memberdesk.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.memberdesk.domain.CredentialToken;
import org.memberdesk.domain.EmailMessage;
import org.memberdesk.domain.EmailStatus;
import org.memberdesk.persistence.TestSessions;

/** Addresses beyond ASCII against a real GreenMail SMTP server over a socket. */
class InternationalAddressDeliveryTest extends SmtpDeliveryCase {

    @Test
    void anInternationalisedDomainIsSentInItsPunycodeFormAndShownInUnicode() throws Exception {
        UUID anna = mail.contact("anna@bücher.example", "Anna Book", false);
        UUID id = mail.queueReset(anna);

        Dispatcher.Result result = mail.dispatcher().runDue();

        assertThat(result.sent()).isEqualTo(1);
        EmailMessage sent = mail.email(id);
        assertThat(sent.getStatus()).isEqualTo(EmailStatus.SENT);
        assertThat(sent.getRecipient()).isEqualTo("anna@bücher.example");
        // the envelope: GreenMail files a message under each RCPT TO address
        MimeMessage[] delivered = smtp.getReceivedMessagesForDomain("xn--bcher-kva.example");
        assertThat(delivered).hasSize(1);
        assertThat(smtp.getUserManager().getUserByEmail("anna@xn--bcher-kva.example")).isNotNull();
        assertThat(delivered[0].getHeader("To", ",")).isEqualTo("anna@xn--bcher-kva.example");
    }

    /** Made before such addresses were refused at entry: written straight into the table, as an old version did. */
    @ParameterizedTest
    @ValueSource(strings = {"ä@example.org", "😀@example.org"})
    void anOldContactWithANonAsciiLocalPartGetsAClearFailureNotAMisdelivery(String address) {
        UUID contact = mail.contact("placeholder@example.org", "Old Contact", false);
        mail.write(t -> TestSessions.of(t).createNativeMutationQuery("update contact set email = :email")
                .setParameter("email", address).executeUpdate());
        UUID id = mail.queueReset(contact);

        Dispatcher.Result result = mail.dispatcher().runDue();

        assertThat(result.failed()).isEqualTo(1);
        EmailMessage failed = mail.email(id);
        assertThat(failed.getStatus()).isEqualTo(EmailStatus.FAILED);
        assertThat(failed.getRecipient()).isEqualTo(address);
        assertThat(failed.getLastReply()).startsWith("not sent to " + address + ":")
                .contains("the part before the @");
        assertThat(smtp.getReceivedMessages()).isEmpty();
        List<CredentialToken> links = mail.read(t -> t.tokens().ofContact(contact));
        assertThat(links).as("the link minted for the attempt").isNotEmpty()
                .allMatch(token -> token.state(clock.instant()) != CredentialToken.State.LIVE);
    }

    @Test
    void anOldAddressWhoseDomainWouldReachAnotherDomainIsNotSent() {
        UUID contact = mail.contact("placeholder@example.org", "Old Contact", false);
        mail.write(t -> TestSessions.of(t).createNativeMutationQuery("update contact set email = 'anna@straße.example'")
                .executeUpdate());
        UUID id = mail.queueReset(contact);

        mail.dispatcher().runDue();

        EmailMessage failed = mail.email(id);
        assertThat(failed.getStatus()).isEqualTo(EmailStatus.FAILED);
        assertThat(failed.getLastReply()).contains("anna@strasse.example");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
