package org.memberdesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.memberdesk.domain.InvalidInputException;
import org.memberdesk.persistence.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and writes the bounce mailbox settings, beside the SMTP settings and kept the same way: the
 * password only encrypted by {@link SecretBox}, never logged.
 */
public final class BounceSettingsStore {

    private static final Logger LOG = LoggerFactory.getLogger(BounceSettingsStore.class);

    public static final String HOST = "bounce.imap.host";
    public static final String PORT = "bounce.imap.port";
    public static final String SECURITY = "bounce.imap.security";
    public static final String USER = "bounce.imap.user";
    public static final String PASSWORD = "bounce.imap.password";
    public static final String POLL_SECONDS = "bounce.poll-seconds";

    /** Polling more often than this only loads the mail server. */
    public static final Duration MIN_POLL = Duration.ofSeconds(30);
    public static final Duration MAX_POLL = Duration.ofHours(24);

    private static final String PASSWORD_PURPOSE = "memberdesk:" + PASSWORD;

    /**
     * What a settings form saves. A null password keeps the stored one; an empty one removes it. A
     * null port means the usual port of the security; a null poll interval the default (5 minutes).
     */
    public record Update(String host, Integer port, String security, String user, String password,
                         Duration pollInterval) {
        @Override
        public String toString() {
            return "Update[" + host + ":" + port + ", " + security + ", user=" + user + ", every " + pollInterval + "]";
        }
    }

    private final SecretBox secrets;

    public BounceSettingsStore(SecretBox secrets) {
        this.secrets = secrets;
    }

    public BounceMailboxSettings load(Tx t) {
        String host = get(t, HOST);
        if (host == null) {
            return BounceMailboxSettings.NONE;
        }
        SmtpSecurity security = MailSettingsStore.parseSecurity(get(t, SECURITY)).orElse(SmtpSecurity.SSL);
        int port = parseInt(get(t, PORT)).filter(p -> p > 0 && p < 65536)
                .orElse(BounceMailboxSettings.usualPort(security));
        Duration poll = parseInt(get(t, POLL_SECONDS)).map(Duration::ofSeconds)
                .filter(d -> d.compareTo(MIN_POLL) >= 0).orElse(BounceMailboxSettings.DEFAULT_POLL);
        String password = null;
        boolean unreadable = false;
        String sealed = get(t, PASSWORD);
        if (sealed != null) {
            try {
                password = secrets.decrypt(sealed, PASSWORD_PURPOSE);
            } catch (SecretBox.SecretUnreadable e) {
                LOG.warn("the stored bounce mailbox password cannot be read: {}", e.getMessage());
                unreadable = true;
            }
        }
        return new BounceMailboxSettings(host, port, security, get(t, USER), password, poll, unreadable);
    }

    /** Checks all of the form, then stores it; nothing is written when a field is wrong. */
    public void save(Tx t, Update update, Instant now) {
        String host = blankToNull(update.host());
        if (host == null) {
            throw new InvalidInputException("the bounce mailbox's IMAP host is required");
        }
        host = host.trim();
        if (!host.matches("[A-Za-z0-9.\\-\\[\\]:]+")) {
            throw new InvalidInputException("'" + host + "' is not a host name or address");
        }
        SmtpSecurity security = blankToNull(update.security()) == null ? SmtpSecurity.SSL
                : MailSettingsStore.parseSecurity(update.security()).orElseThrow(() -> new InvalidInputException(
                        "the bounce mailbox's security must be ssl, starttls or none, not '"
                                + update.security().trim() + "'"));
        if (security == SmtpSecurity.NONE && !PortalLinks.isLocal("imap://" + host)) {
            throw new InvalidInputException("the bounce mailbox on " + host + " needs ssl or starttls: without TLS "
                    + "its password would travel in clear (none is only for a server on this computer)");
        }
        Integer port = update.port();
        if (port != null && (port < 1 || port > 65535)) {
            throw new InvalidInputException("the IMAP port must be between 1 and 65535");
        }
        String user = blankToNull(update.user());
        if (user == null) {
            throw new InvalidInputException("the bounce mailbox's user is required");
        }
        Duration poll = update.pollInterval() == null ? BounceMailboxSettings.DEFAULT_POLL : update.pollInterval();
        if (poll.compareTo(MIN_POLL) < 0 || poll.compareTo(MAX_POLL) > 0) {
            throw new InvalidInputException("the poll interval must be between 30 seconds and 24 hours");
        }
        t.settings().put(HOST, host, now);
        t.settings().put(PORT, String.valueOf(port == null ? BounceMailboxSettings.usualPort(security) : port), now);
        t.settings().put(SECURITY, security.code(), now);
        t.settings().put(USER, user.trim(), now);
        t.settings().put(POLL_SECONDS, String.valueOf(poll.toSeconds()), now);
        StoredPassword.save(t, PASSWORD, update.password(), secrets, PASSWORD_PURPOSE, now);
    }

    /** Forgets the bounce mailbox: nothing is polled any more. */
    public void clear(Tx t) {
        for (String key : new String[] {HOST, PORT, SECURITY, USER, PASSWORD, POLL_SECONDS}) {
            t.settings().remove(key);
        }
    }

    /** The bounce mailbox's user while one is configured (no password is decrypted for this). */
    public Optional<String> mailboxUser(Tx t) {
        return get(t, HOST) == null ? Optional.empty() : Optional.ofNullable(get(t, USER));
    }

    public boolean storedPasswordPresent(Tx t) {
        return get(t, PASSWORD) != null;
    }

    private static String get(Tx t, String key) {
        return t.settings().get(key).map(String::trim).filter(s -> !s.isEmpty()).orElse(null);
    }

    private static Optional<Integer> parseInt(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
