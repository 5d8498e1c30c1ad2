package org.memberdesk.service.email;

/**
 * The SMTP settings as a form or {@code mail settings} gives them. {@code password}: null keeps the
 * stored one, an empty string removes it. {@code port} null means the usual port of the security
 * (none 25, starttls 587, ssl 465). {@code security}: "none", "starttls" (default) or "ssl".
 */
public record SmtpSettingsForm(String host, Integer port, String security, String from, String user,
                               String password) {

    @Override
    public String toString() {
        return "SmtpSettingsForm[" + host + ":" + port + ", " + security + ", from=" + from + ", user=" + user
                + (password == null ? "" : ", password given") + "]";
    }
}
