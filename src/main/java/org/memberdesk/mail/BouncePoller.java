package org.memberdesk.mail;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.FlagTerm;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.locks.ReentrantLock;
import org.memberdesk.persistence.BackgroundLoop;
import org.memberdesk.persistence.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bounce mailbox over IMAP (Angus Mail) and marks the outbox emails that delivery status
 * reports say bounced ({@link BounceMatch}).
 *
 * <p>A matched report is flagged seen and deleted, an unmatched one is logged and flagged seen only
 * (it stays for a person to read); either way the next poll skips it. Messages that are not delivery
 * status reports are left untouched. A report about an email still being sent (the server bounced it
 * before our reply was recorded) is left unseen for the next poll.
 */
public final class BouncePoller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BouncePoller.class);

    /** What one poll did; {@code configured} false: no bounce mailbox is set, nothing was read. */
    public record Result(boolean configured, int reports, int bounced, int delayed, int unmatched) {
        public static final Result NONE = new Result(false, 0, 0, 0, 0);
    }

    /** The bounce mailbox could not be read (connection, login, folder). */
    public static final class MailboxProblem extends RuntimeException {
        MailboxProblem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Database database;
    private final BounceSettingsStore settings;
    private final BackgroundLoop loop;
    private final ReentrantLock pollLock = new ReentrantLock();

    public BouncePoller(Database database, BounceSettingsStore settings) {
        this.database = database;
        this.settings = settings;
        this.loop = new BackgroundLoop("bounce-poller", "bounces:", this::interval, this::pollQuietly);
    }

    /** Starts polling in the background, at the interval the settings give; nothing is read while none is set. */
    public void start() {
        loop.start();
    }

    public boolean isStarted() {
        return loop.isStarted();
    }

    /** Polls now (after the settings changed). */
    public void signal() {
        loop.signal();
    }

    public void stop() {
        loop.stop();
    }

    @Override
    public void close() {
        loop.close();
    }

    /** Reads the bounce mailbox once; {@link Result#NONE} when none is configured. */
    public Result poll() {
        BounceMailboxSettings mailbox = database.read(settings::load);
        if (!mailbox.configured()) {
            return Result.NONE;
        }
        pollLock.lock();
        try {
            return poll(mailbox);
        } finally {
            pollLock.unlock();
        }
    }

    private Duration interval() {
        try {
            return database.read(settings::load).pollInterval();
        } catch (RuntimeException e) {
            return BounceMailboxSettings.DEFAULT_POLL;
        }
    }

    private void pollQuietly() {
        try {
            Result result = poll();
            if (result.reports() > 0) {
                LOG.info("bounce mailbox: {}", result);
            }
        } catch (RuntimeException e) {
            LOG.warn("the bounce mailbox was not read: {}", e.getMessage());
        }
    }

    private Result poll(BounceMailboxSettings mailbox) {
        Session session = Session.getInstance(properties(mailbox));
        String protocol = mailbox.security() == SmtpSecurity.SSL ? "imaps" : "imap";
        Store store;
        try {
            store = session.getStore(protocol);
        } catch (MessagingException e) {
            throw new IllegalStateException("Angus Mail has no IMAP provider", e);
        }
        try {
            store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            try {
                return read(inbox);
            } finally {
                inbox.close(false);
            }
        } catch (MessagingException e) {
            throw new MailboxProblem("could not read the bounce mailbox at " + mailbox.describe() + ": "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip()), e);
        } finally {
            try {
                store.close();
            } catch (MessagingException ignored) {
                // the connection is gone already
            }
        }
    }

    private Result read(Folder inbox) throws MessagingException {
        int reports = 0;
        int bounced = 0;
        int delayed = 0;
        int unmatched = 0;
        for (Message message : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
            if (loop.stopping()) {
                break;
            }
            Optional<DeliveryReport> report;
            try {
                report = DeliveryReport.of((MimeMessage) message);
            } catch (MessagingException | IOException | RuntimeException e) {
                LOG.warn("bounce mailbox: message {} could not be read as a delivery status report: {}",
                        message.getMessageNumber(), e.getMessage());
                continue;
            }
            if (report.isEmpty()) {
                continue;
            }
            reports++;
            BounceMatch.Outcome outcome = database.write(t -> BounceMatch.apply(t, report.get()));
            switch (outcome) {
                case BOUNCED -> bounced++;
                case DELAYED -> delayed++;
                case UNMATCHED -> unmatched++;
                default -> { }
            }
            if (outcome == BounceMatch.Outcome.LATER) {
                continue;
            }
            if (outcome == BounceMatch.Outcome.UNMATCHED) {
                LOG.warn("bounce mailbox: a delivery status report matches no email in the outbox (Message-ID {}, "
                        + "sent to {}); left in the mailbox", report.get().originalMessageId(),
                        report.get().deliveredTo());
                message.setFlag(Flags.Flag.SEEN, true);
            } else {
                message.setFlags(new Flags(Flags.Flag.SEEN), true);
                message.setFlag(Flags.Flag.DELETED, true);
            }
        }
        return new Result(true, reports, bounced, delayed, unmatched);
    }

    static Properties properties(BounceMailboxSettings mailbox) {
        Properties p = new Properties();
        String prefix = mailbox.security() == SmtpSecurity.SSL ? "mail.imaps." : "mail.imap.";
        p.put("mail.store.protocol", mailbox.security() == SmtpSecurity.SSL ? "imaps" : "imap");
        p.put(prefix + "connectiontimeout", "15000");
        p.put(prefix + "timeout", "30000");
        p.put(prefix + "writetimeout", "30000");
        // reading a message must not mark it seen: only a processed report is flagged
        p.put(prefix + "peek", "true");
        switch (mailbox.security()) {
            case STARTTLS -> {
                p.put(prefix + "starttls.enable", "true");
                p.put(prefix + "starttls.required", "true");
            }
            case SSL -> p.put(prefix + "ssl.enable", "true");
            case NONE -> p.put(prefix + "starttls.enable", "false");
        }
        if (mailbox.security() != SmtpSecurity.NONE) {
            p.put(prefix + "ssl.checkserveridentity", "true");
            p.put(prefix + "ssl.protocols", "TLSv1.2 TLSv1.3");
        }
        return p;
    }
}
