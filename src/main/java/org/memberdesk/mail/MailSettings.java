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

    /**
     * The same settings with {@code senderName} (the brand's sender name; null or blank: none) as the
     * display name of the From address, replacing the configured one; an unparsable From stays as it is.
     */
    public MailSettings withSenderName(String senderName) {
        if (senderName == null || senderName.isBlank() || from == null) {
            return this;
        }
        try {
            jakarta.mail.internet.InternetAddress address = new jakarta.mail.internet.InternetAddress(from, false);
            address.setPersonal(senderName.strip(), "UTF-8");
            return new MailSettings(host, port, security, address.toString(), user, password, fromEnvironment,
                    passwordUnreadable);
        } catch (jakarta.mail.internet.AddressException | java.io.UnsupportedEncodingException e) {
            return this;
        }
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
