package org.memberdesk.testsupport;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.eclipse.angus.mail.dsn.DeliveryStatus;
import org.eclipse.angus.mail.dsn.MessageHeaders;
import org.eclipse.angus.mail.dsn.MultipartReport;

/** Delivery status reports as a recipient's mail server sends them back to a bounce mailbox. */
public final class TestDsn {

    /** The bounce mailbox the reports are addressed to (its VERP forms are bounces+ID@example.com). */
    public static final String MAILBOX = "bounces@example.com";

    private TestDsn() {
    }

    /** A delivery status report (RFC 3464) built with Angus Mail's DSN classes, returning the whole message. */
    public static MimeMessage report(String messageId, String recipient, String action, String status, String diagnostic)
            throws Exception {
        return report(messageId, recipient, action, status, diagnostic, false);
    }

    /**
     * As {@link #report(String, String, String, String, String)}; with {@code headersOnly} it returns
     * only the message's headers (text/rfc822-headers), as many servers do.
     */
    public static MimeMessage report(String messageId, String recipient, String action, String status, String diagnostic,
                                     boolean headersOnly) throws Exception {
        DeliveryStatus dsn = new DeliveryStatus();
        InternetHeaders perMessage = new InternetHeaders();
        perMessage.addHeader("Reporting-MTA", "dns; mx.example.com");
        dsn.setMessageDSN(perMessage);
        InternetHeaders perRecipient = new InternetHeaders();
        perRecipient.addHeader("Final-Recipient", "rfc822; " + recipient);
        perRecipient.addHeader("Action", action);
        perRecipient.addHeader("Status", status);
        perRecipient.addHeader("Diagnostic-Code", diagnostic);
        dsn.addRecipientDSN(perRecipient);
        MultipartReport body;
        if (messageId == null) {
            body = new MultipartReport("Your message could not be delivered.", dsn);
        } else if (headersOnly) {
            InternetHeaders headers = new InternetHeaders();
            headers.addHeader("To", recipient);
            headers.addHeader("Subject", "Welcome");
            body = new MultipartReport("Your message could not be delivered.", dsn);
            body.setReturnedMessage(new MessageHeaders(headers) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", messageId);
                }
            });
        } else {
            MimeMessage returned = new MimeMessage(Session.getInstance(new Properties())) {
                @Override
                protected void updateMessageID() throws jakarta.mail.MessagingException {
                    setHeader("Message-ID", messageId);
                }
            };
            returned.setRecipients(Message.RecipientType.TO, recipient);
            returned.setSubject("Welcome");
            returned.setText("Welcome to Momentum Membership");
            body = new MultipartReport("Your message could not be delivered.", dsn, returned);
        }
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("MAILER-DAEMON@mx.example.com"));
        message.setRecipients(Message.RecipientType.TO, MAILBOX);
        message.setSubject("Undelivered Mail Returned to Sender");
        message.setContent(body);
        return message;
    }
}
