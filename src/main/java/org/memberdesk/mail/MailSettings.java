package org.memberdesk.mail;

import java.util.Set;

/**
 * The SMTP server mail goes to, as in effect now (environment over stored settings). No host
 * means no SMTP is configured: each delivering process then uses its own demo server.
 */
public record MailSettings(String host, int port, SmtpSecurity security, String from, String user, String password,
                           Set<String> fromEnvironment, boolean passwordUnreadable) {

    public static final String DEMO_FROM = "MemberDesk Demo <no-reply@example.com>";

    public boolean configured() {
        return host != null;
    }

    public boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    public String describe() {
        return host + ":" + port + " (" + security.code() + ")";
    }

    /** The embedded demo server of this process. */
    public static MailSettings demo(int port) {
        return new MailSettings("127.0.0.1", port, SmtpSecurity.NONE, DEMO_FROM, null, null, Set.of(), false);
    }

    @Override
    public String toString() {
        return "MailSettings[" + host + ":" + port + ", " + security + ", from=" + from + ", user=" + user
                + ", password=" + (hasPassword() ? "(set)" : "(not set)") + "]";
    }
}
