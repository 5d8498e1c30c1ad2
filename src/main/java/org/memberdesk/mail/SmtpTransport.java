package org.memberdesk.mail;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.memberdesk.domain.EmailAddress;
import org.memberdesk.domain.InvalidInputException;

/**
 * One SMTP connection (Angus Mail), reused for every message of a batch. TLS options live in this
 * connection's own mail session, never in JVM-wide system properties.
 */
public final class SmtpTransport implements AutoCloseable {

    /** What the server said when it took a message. */
    public record Accepted(String reply, String messageId) {
    }

    private static final int MAX_REPLY = 1900;
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";
    private static final Duration IDLE_BEFORE_CHECK = Duration.ofSeconds(5);

    private final MailSettings settings;
    private final Session session;
    private final SMTPTransport transport;
    private boolean broken;
    private long lastUsed = System.nanoTime();

    private SmtpTransport(MailSettings settings, Session session, SMTPTransport transport) {
        this.settings = settings;
        this.session = session;
        this.transport = transport;
    }

    /** Connects (and authenticates when a user is set). A failure here is always worth retrying later. */
    public static SmtpTransport connect(MailSettings settings) throws SmtpFailure {
        Session session = sessionFor(properties(settings));
        SMTPTransport transport;
        try {
            transport = (SMTPTransport) session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new IllegalStateException("Angus Mail has no SMTP provider", e);
        }
        try {
            transport.connect(settings.host(), settings.port(), settings.user(), settings.password());
            return new SmtpTransport(settings, session, transport);
        } catch (AuthenticationFailedException e) {
            closeQuietly(transport);
            throw new SmtpFailure(trim("login to " + settings.describe() + " refused: " + text(e)), false, true, e);
        } catch (MessagingException e) {
            closeQuietly(transport);
            String reply = transport.getLastServerResponse();
            String why = reply != null && !reply.isBlank() ? reply.strip() : rootCause(e);
            throw new SmtpFailure(trim("could not connect to " + settings.describe() + ": " + why), false, true, e);
        }
    }

    static {
        // Jakarta Mail looks up its StreamProvider for every body part it creates or writes; without
        // this property each lookup scans the class path's service files, which cost more than the
        // SMTP exchange itself when the outbox sends thousands of messages.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private static final Object SESSION_LOCK = new Object();
    private static Properties lastProperties;
    private static Session lastSession;

    /**
     * A mail session is made once per set of settings: making one looks up Angus Mail's providers on
     * the class path, which costs more than sending a message when the outbox connects batch after batch.
     */
    private static Session sessionFor(Properties properties) {
        synchronized (SESSION_LOCK) {
            if (lastSession == null || !properties.equals(lastProperties)) {
                lastSession = Session.getInstance(properties);
                lastProperties = properties;
            }
            return lastSession;
        }
    }

    static Properties properties(MailSettings settings) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.host());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", "15000");
        p.put("mail.smtp.timeout", "30000");
        p.put("mail.smtp.writetimeout", "30000");
        p.put("mail.smtp.auth", String.valueOf(settings.user() != null));
        switch (settings.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case SSL -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> p.put("mail.smtp.starttls.enable", "false");
        }
        if (settings.security() != SmtpSecurity.NONE) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            p.put("mail.smtp.ssl.protocols", "TLSv1.2 TLSv1.3");
        }
        return p;
    }

    /**
     * Whether the next message can go over this connection. Angus Mail's {@code isConnected()} asks
     * the server (a NOOP round trip), so that is done only after a pause long enough for the server
     * to have dropped an idle connection; between messages of a batch our own record of failures is enough.
     */
    public boolean usable() {
        if (broken) {
            return false;
        }
        if (System.nanoTime() - lastUsed < IDLE_BEFORE_CHECK.toNanos()) {
            return true;
        }
        return transport.isConnected();
    }

    /** Sends one message as multipart/alternative (plain text, then HTML). */
    public Accepted send(OutgoingEmail email, Instant now) throws SmtpFailure {
        MimeMessage message;
        String messageId = "<" + email.id() + "." + email.attempt() + "@" + domainOf(settings.from()) + ">";
        Address[] recipients = {envelope(email.to())};
        try {
            FixedIdMessage fixed = new FixedIdMessage(session, messageId);
            if (email.returnPath() != null) {
                fixed.setEnvelopeFrom(email.returnPath());
            }
            message = fixed;
            message.setFrom(sender(settings.from()));
            message.setRecipients(Message.RecipientType.TO, recipients);
            message.setSubject(email.subject(), "UTF-8");
            message.setSentDate(Date.from(now));
            message.setHeader("Auto-Submitted", "auto-generated");
            MimeBodyPart text = new MimeBodyPart();
            text.setText(email.text(), "UTF-8", "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(email.html(), "UTF-8", "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
        } catch (MessagingException e) {
            throw new SmtpFailure(trim("the message could not be built: " + text(e)), true, false, e);
        }
        try {
            transport.sendMessage(message, recipients);
            lastUsed = System.nanoTime();
            String reply = transport.getLastServerResponse();
            return new Accepted(trim(reply == null ? "250 accepted" : reply.strip()), messageId);
        } catch (MessagingException e) {
            SmtpFailure failure = classify(e);
            // 421: the server is closing this connection, though it still answered
            if (failure.connectionLost() || failure.reply().startsWith("421")) {
                broken = true;
            }
            throw failure;
        }
    }

    /**
     * The recipient as it goes over SMTP (envelope and To header): ASCII, the domain in punycode.
     * Without SMTPUTF8 any other character would be garbled on the wire, and the email recorded as
     * sent to an address nobody was shown; so it must read back as the address shown, or it fails here.
     */
    static InternetAddress envelope(String shown) throws SmtpFailure {
        try {
            String ascii = EmailAddress.toAscii(shown);
            InternetAddress address = new InternetAddress(ascii, true);
            address.validate();
            if (address.getPersonal() != null || !ascii.equals(address.getAddress())) {
                throw new InvalidInputException("it is not a plain address");
            }
            return address;
        } catch (InvalidInputException e) {
            throw new SmtpFailure(trim("not sent to " + shown + ": " + e.getMessage()), true, false, e);
        } catch (AddressException e) {
            throw new SmtpFailure(trim("not sent to " + shown + ": it is not a valid email address"), true, false, e);
        }
    }

    /** The configured from address, with an internationalised domain in its punycode form. */
    private static InternetAddress sender(String from) throws AddressException {
        InternetAddress address = new InternetAddress(from, false);
        try {
            address.setAddress(EmailAddress.toAscii(address.getAddress()));
        } catch (InvalidInputException e) {
            // checked when the settings were saved; send it as configured
        }
        return address;
    }

    /** 5xx or an impossible address: permanent. 4xx: try again later. No reply at all: the connection broke. */
    private SmtpFailure classify(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException m ? m.getNextException() : null) {
            int code = -1;
            String reply = null;
            if (x instanceof SMTPAddressFailedException a) {
                code = a.getReturnCode();
                reply = a.getMessage();
            } else if (x instanceof SMTPSendFailedException s) {
                code = s.getReturnCode();
                reply = s.getMessage();
            }
            if (code >= 400) {
                String text = reply == null ? String.valueOf(code) : reply.strip();
                return new SmtpFailure(trim(text), permanent(code), false, e);
            }
        }
        int last = transport.getLastReturnCode();
        String lastReply = transport.getLastServerResponse();
        if (last >= 400 && lastReply != null && transport.isConnected()) {
            return new SmtpFailure(trim(lastReply.strip()), permanent(last), false, e);
        }
        return new SmtpFailure(trim("connection to " + settings.describe() + " lost: " + rootCause(e)), false, true, e);
    }

    /**
     * 5xx is permanent, except 530 "authentication required": that is our settings, not the
     * recipient, and it will work once the settings are fixed.
     */
    private static boolean permanent(int code) {
        return code >= 500 && code != 530;
    }

    @Override
    public void close() {
        closeQuietly(transport);
    }

    private static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // closing a connection that is already gone
        }
    }

    private static String domainOf(String from) {
        try {
            String address = new InternetAddress(from, false).getAddress();
            int at = address.lastIndexOf('@');
            return at >= 0 ? address.substring(at + 1) : "memberdesk.invalid";
        } catch (AddressException e) {
            return "memberdesk.invalid";
        }
    }

    private static String text(MessagingException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message.strip();
    }

    private static String trim(String reply) {
        String oneLine = reply.replaceAll("\\s*[\\r\\n]+\\s*", " | ");
        return oneLine.length() <= MAX_REPLY ? oneLine : oneLine.substring(0, MAX_REPLY) + "…";
    }

    /** Keeps the Message-ID we chose (email id and attempt), so a copy in any mailbox traces back to its row. */
    private static final class FixedIdMessage extends SMTPMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
