package org.memberdesk.mail;

import java.time.Duration;

/**
 * The IMAP mailbox that delivery status reports (bounces) arrive in, as stored. No host means none
 * is configured: nothing is polled and no envelope sender is set. {@code security} reads as for
 * IMAP: ssl is IMAPS (993), starttls upgrades a plain connection (143) and must succeed, none is
 * allowed only for a server on this computer.
 */
public record BounceMailboxSettings(String host, int port, SmtpSecurity security, String user, String password,
                                    Duration pollInterval, boolean passwordUnreadable) {

    public static final Duration DEFAULT_POLL = Duration.ofMinutes(5);

    public static final BounceMailboxSettings NONE = new BounceMailboxSettings(null, 0, SmtpSecurity.SSL, null, null,
            DEFAULT_POLL, false);

    public boolean configured() {
        return host != null;
    }

    public String describe() {
        return host + ":" + port + " (" + security.code() + ")";
    }

    /** The usual IMAP port for a security: 993 for IMAPS, else 143. */
    public static int usualPort(SmtpSecurity security) {
        return security == SmtpSecurity.SSL ? 993 : 143;
    }

    @Override
    public String toString() {
        return "BounceMailboxSettings[" + host + ":" + port + ", " + security + ", user=" + user + ", password="
                + (password == null || password.isEmpty() ? "(not set)" : "(set)") + ", every " + pollInterval + "]";
    }
}
