package org.memberdesk.service.email;

import org.memberdesk.mail.SmtpSecurity;
import org.memberdesk.service.StateCode;

/** How the connection to the SMTP server is protected: none, starttls or ssl. */
public enum MailSecurity implements StateCode {
    NONE(SmtpSecurity.NONE), STARTTLS(SmtpSecurity.STARTTLS), SSL(SmtpSecurity.SSL);

    private final SmtpSecurity smtp;

    MailSecurity(SmtpSecurity smtp) {
        this.smtp = smtp;
    }

    /** The port a server usually listens on with this security (587 for starttls). */
    public int usualPort() {
        return smtp.defaultPort();
    }

    /** The code, so a state in a message reads as it does in JSON. */
    @Override
    public String toString() {
        return code();
    }

    static MailSecurity of(SmtpSecurity security) {
        for (MailSecurity s : values()) {
            if (s.smtp == security) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown SMTP security: " + security);
    }
}
