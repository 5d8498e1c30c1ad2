package org.memberdesk.mail;

import org.memberdesk.domain.Coded;

/** How the connection to the SMTP server is protected. */
public enum SmtpSecurity implements Coded {
    /** Plain SMTP; only for a relay on the same machine or network (and the demo server). */
    NONE(25),
    /** Plain connect, then STARTTLS, which is required: we never fall back to sending in clear. */
    STARTTLS(587),
    /** TLS from the first byte (SMTPS). */
    SSL(465);

    private final int defaultPort;

    SmtpSecurity(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
